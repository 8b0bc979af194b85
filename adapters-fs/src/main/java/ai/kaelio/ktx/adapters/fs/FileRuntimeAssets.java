package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.PythonRequirement;
import ai.kaelio.ktx.domain.RuntimeLayout;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The distribution's {@code assets/python}: its manifest, and the wheel checked against it. The wheel is
 * hashed at most once per run, however many times a command asks.
 */
final class FileRuntimeAssets implements RuntimeAssets {

    private final RuntimeLayout layout;
    private AssetCheck verified;

    @Inject
    FileRuntimeAssets(RuntimeLayout layout) {
        this.layout = layout;
    }

    @Override
    public synchronized AssetCheck verify() {
        if (verified == null) {
            verified = check();
        }
        return verified;
    }

    @Override
    public Optional<AssetManifest> readManifest() {
        try {
            return Optional.of(readAssetManifest());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private AssetCheck check() {
        Path manifestPath = layout.assetManifestPath();
        if (Ownership.writableByOthers(layout.assetDir())) {
            // Whoever can write here can replace the wheel and its checksum together.
            return new Rejected("Bundled Python runtime assets can be changed by other users: " + layout.assetDir()
                    + ". Make the ktx installation private (chmod go-w), or reinstall ktx.");
        }
        AssetManifest manifest;
        try {
            manifest = readAssetManifest();
        } catch (NoSuchFileException e) {
            return new Rejected("Bundled Python runtime manifest is missing: " + manifestPath
                    + ". Reinstall ktx.");
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("Unsafe runtime wheel filename")) {
                return new Rejected(e.getMessage());
            }
            return new Rejected("Bundled Python runtime manifest is invalid: " + e.getMessage() + " (" + manifestPath + ")");
        } catch (JsonShapeException e) {
            return new Rejected("Bundled Python runtime manifest is invalid: " + e.getMessage() + " (" + manifestPath + ")");
        } catch (IOException e) {
            return new Rejected("Cannot read the bundled Python runtime manifest: " + manifestPath);
        }
        Path wheel = layout.assetDir().resolve(manifest.wheel().file());
        try {
            if (!matches(wheel, manifest.wheel())) {
                return new Rejected("Bundled Python runtime wheel checksum mismatch: " + wheel);
            }
            return new Verified(manifest, wheel, WheelMetadata.requiresPython(wheel));
        } catch (NoSuchFileException e) {
            return new Rejected("Bundled Python runtime wheel is missing: " + wheel + ". Reinstall ktx.");
        } catch (IOException e) {
            return new Rejected("Bundled Python runtime wheel is not a readable wheel: " + wheel);
        } catch (IllegalArgumentException e) {
            return new Rejected("Bundled Python runtime wheel has an unusable Requires-Python (" + e.getMessage() + "): " + wheel);
        }
    }

    private AssetManifest readAssetManifest() throws IOException {
        return ManifestJson.asset(JsonFields.root(JsonDocuments.read(layout.assetManifestPath())));
    }

    /** Size first (cheap, and catches truncation), then the full sha256. */
    private static boolean matches(Path wheel, AssetManifest.Wheel expected) throws IOException {
        if (Files.size(wheel) != expected.bytes()) {
            return false;
        }
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(wheel), sha256)) {
            in.transferTo(OutputStreams.DISCARD);
        }
        return HexFormat.of().formatHex(sha256.digest()).equals(expected.sha256());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** Avoids allocating a sink per call. */
    private static final class OutputStreams {
        static final java.io.OutputStream DISCARD = java.io.OutputStream.nullOutputStream();
    }

    /** The wheel's own {@code Requires-Python}, read from its METADATA: the wheel is the source of truth. */
    static final class WheelMetadata {
        private WheelMetadata() {
        }

        static PythonRequirement requiresPython(Path wheel) throws IOException {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wheel.toFile())) {
                var entry = zip.stream()
                        .filter(candidate -> candidate.getName().matches("[^/]+\\.dist-info/METADATA"))
                        .findFirst()
                        .orElseThrow(() -> new IOException("no METADATA in " + wheel));
                try (InputStream in = zip.getInputStream(entry)) {
                    String metadata = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                    return metadata.lines()
                            .takeWhile(line -> !line.isEmpty())
                            .filter(line -> line.startsWith("Requires-Python:"))
                            .findFirst()
                            .map(line -> PythonRequirement.parse(line.substring("Requires-Python:".length())))
                            .orElse(PythonRequirement.ANY);
                }
            }
        }
    }
}
