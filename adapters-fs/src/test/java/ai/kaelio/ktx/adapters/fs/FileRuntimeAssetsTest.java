package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.RuntimeAssets.AssetCheck;
import ai.kaelio.ktx.application.port.out.RuntimeAssets.Rejected;
import ai.kaelio.ktx.application.port.out.RuntimeAssets.Verified;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.PythonRequirement;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRuntimeAssetsTest {

    @TempDir
    static Path built;

    @TempDir
    Path root;

    private Path assetDir;
    private Path wheel;
    private Path manifest;

    @BeforeAll
    static void buildWheel() throws IOException, InterruptedException {
        FsFixtures.buildWheel(built);
    }

    @BeforeEach
    void copyAssets() throws IOException {
        assetDir = FsFixtures.copyAssets(built, root.resolve("assets/python"));
        wheel = assetDir.resolve(FsFixtures.WHEEL_FILE);
        manifest = assetDir.resolve("manifest.json");
    }

    private FileRuntimeAssets assets() {
        return new FileRuntimeAssets(RuntimeLayout.of(new CliVersion("0.1.0"), Platform.LINUX, root.resolve("runtime"), assetDir));
    }

    @Test
    void builtWheelIsVerifiedWithTheRequiresPythonFromItsMetadata() throws Exception {
        AssetCheck check = assets().verify();
        assertThat(check).isInstanceOf(Verified.class);
        Verified verified = (Verified) check;
        assertThat(verified.wheelPath()).isEqualTo(wheel);
        assertThat(verified.requiresPython()).isEqualTo(PythonRequirement.parse(">=3.10"));
        assertThat(verified.manifest().wheel().sha256()).isEqualTo(sha256(wheel));
        assertThat(verified.manifest().wheel().bytes()).isEqualTo(Files.size(wheel));
        assertThat(verified.manifest().normalizedName()).isEqualTo("kaelio_ktx");
    }

    @Test
    void assetsOthersCanWriteAreRejected() throws IOException {
        Files.setPosixFilePermissions(assetDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(assets().verify()).isEqualTo(new Rejected("Bundled Python runtime assets can be changed by other users: "
                + assetDir + ". Make the ktx installation private (chmod go-w), or reinstall ktx."));
    }

    @Test
    void tamperedWheelOfTheSameSizeIsAChecksumMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(wheel);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(wheel, bytes);
        assertThat(assets().verify()).isEqualTo(new Rejected("Bundled Python runtime wheel checksum mismatch: " + wheel));
    }

    @Test
    void truncatedWheelIsAChecksumMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(wheel);
        Files.write(wheel, Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(assets().verify()).isEqualTo(new Rejected("Bundled Python runtime wheel checksum mismatch: " + wheel));
    }

    @Test
    void wheelNameThatLeavesTheAssetDirectoryIsRejectedAsUnsafe() throws IOException {
        Files.writeString(manifest, Files.readString(manifest).replace(FsFixtures.WHEEL_FILE, "../x.whl"));
        // A real file there must not help: the name alone is the problem.
        Files.copy(wheel, assetDir.resolveSibling("x.whl"));
        assertThat(assets().verify()).isEqualTo(new Rejected("Unsafe runtime wheel filename in bundled manifest: ../x.whl"));
    }

    @Test
    void missingManifestIsOneSentenceNamingIt() throws IOException {
        Files.delete(manifest);
        assertRejectedInOneSentence("Bundled Python runtime manifest is missing: " + manifest + ". Reinstall ktx.");
    }

    @Test
    void invalidManifestIsOneSentenceSayingWhatIsWrong() throws IOException {
        Files.writeString(manifest, Files.readString(manifest).replace("\"sha256\"", "\"sha-256\""));
        assertRejectedInOneSentence(
                "Bundled Python runtime manifest is invalid: missing field 'wheel.sha256' (" + manifest + ")");
    }

    @Test
    void manifestThatIsNotJsonIsOneSentence() throws IOException {
        Files.writeString(manifest, "{\"wheel\": [");
        assertRejectedInOneSentence("Bundled Python runtime manifest is invalid: not valid JSON (the document ends too early) ("
                + manifest + ")");
    }

    @Test
    void missingWheelIsOneSentenceNamingIt() throws IOException {
        Files.delete(wheel);
        assertRejectedInOneSentence("Bundled Python runtime wheel is missing: " + wheel + ". Reinstall ktx.");
    }

    @Test
    void fileWithTheRightChecksumThatIsNotAWheelIsRejected() throws IOException {
        byte[] notAZip = "not a zip archive".getBytes(StandardCharsets.UTF_8);
        Files.write(wheel, notAZip);
        Files.writeString(manifest, Files.readString(manifest)
                .replaceAll("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"" + sha256(wheel) + "\"")
                .replaceAll("\"bytes\": [0-9]+", "\"bytes\": " + notAZip.length));
        assertRejectedInOneSentence("Bundled Python runtime wheel is not a readable wheel: " + wheel);
    }

    @Test
    void wheelIsHashedOncePerInstance() throws IOException {
        FileRuntimeAssets assets = assets();
        AssetCheck first = assets.verify();
        assertThat(first).isInstanceOf(Verified.class);
        Files.write(wheel, new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(assets.verify()).isSameAs(first);
        // A new instance does look again, which is what makes the memoised answer above meaningful.
        assertThat(assets().verify()).isInstanceOf(Rejected.class);
    }

    @Test
    void readManifestDoesNotNeedTheWheel() throws IOException {
        Files.delete(wheel);
        assertThat(assets().readManifest()).hasValueSatisfying(
                read -> assertThat(read.wheel().file()).isEqualTo(FsFixtures.WHEEL_FILE));
    }

    @Test
    void readManifestIsEmptyForABrokenManifest() throws IOException {
        Files.writeString(manifest, "[]");
        assertThat(assets().readManifest()).isEmpty();
        Files.writeString(manifest, Files.readString(built.resolve("manifest.json")).replace(FsFixtures.WHEEL_FILE, "../x.whl"));
        assertThat(assets().readManifest()).isEmpty();
        Files.delete(manifest);
        assertThat(assets().readManifest()).isEmpty();
    }

    private void assertRejectedInOneSentence(String expected) {
        AssetCheck check = assets().verify();
        assertThat(check).isEqualTo(new Rejected(expected));
        JacksonManifestStoreTest.assertOneClearLine(((Rejected) check).reason());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
