package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.port.out.ManifestStore.Absent;
import ai.kaelio.ktx.application.port.out.ManifestStore.Invalid;
import ai.kaelio.ktx.application.port.out.ManifestStore.Present;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JacksonManifestStoreTest {

    /** The installed manifest exactly as contract section 3 shows it, so the tests pin the format, not our writer. */
    private static final String CONTRACT_EXAMPLE = """
            {"schemaVersion": 1, "cliVersion": "0.1.0", "installedAt": "2026-01-02T03:04:05Z",
             "asset": {"schemaVersion": 1, "distributionName": "kaelio-ktx", "normalizedName": "kaelio_ktx",
                       "version": "0.1.0",
                       "wheel": {"file": "kaelio_ktx-0.1.0-py3-none-any.whl",
                                 "sha256": "%s", "bytes": 2650}},
             "features": ["core", "local-embeddings"],
             "python": {"executable": "/rt/0.1.0/venv-a/bin/python", "daemonExecutable": "/rt/0.1.0/venv-a/bin/ktx-daemon"},
             "installLog": "/rt/0.1.0/install.log",
             "provisioner": {"name": "uv", "version": "0.9.5"}}
            """.formatted("ab".repeat(32));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManifestStore store = new JacksonManifestStore();

    @TempDir
    Path dir;

    private Path manifestPath() {
        return dir.resolve("manifest.json");
    }

    @Test
    void writtenManifestReadsBackEqual() throws IOException {
        InstalledManifest manifest = FsFixtures.installed();
        store.write(manifestPath(), manifest);
        assertThat(store.read(manifestPath())).isEqualTo(new Present(manifest));
    }

    @Test
    void manifestWithoutProvisionerReadsBackEqual() throws IOException {
        InstalledManifest manifest = FsFixtures.installed(FeatureSet.core(), Optional.empty());
        store.write(manifestPath(), manifest);
        assertThat(store.read(manifestPath())).isEqualTo(new Present(manifest));
    }

    @Test
    void readsTheContractsExample() throws IOException {
        Files.writeString(manifestPath(), CONTRACT_EXAMPLE);
        InstalledManifest manifest = ((Present) store.read(manifestPath())).manifest();
        assertThat(manifest.features()).isEqualTo(FeatureSet.of(Feature.CORE, Feature.LOCAL_EMBEDDINGS));
        assertThat(manifest.python().daemonExecutable()).isEqualTo(Path.of("/rt/0.1.0/venv-a/bin/ktx-daemon"));
        assertThat(manifest.provisioner()).contains(new ProvisionerInfo("uv", "0.9.5"));
    }

    @Test
    void missingFileIsAbsent() throws IOException {
        assertThat(store.read(manifestPath())).isEqualTo(new Absent());

        Path root = Files.writeString(dir.resolve("root-file"), "a file");
        assertThat(store.read(root.resolve("0.1.0/manifest.json"))).isEqualTo(new Absent());
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() throws IOException {
        Files.writeString(manifestPath(), CONTRACT_EXAMPLE);
        ManifestStore.ManifestRead plain = store.read(manifestPath());
        write(json -> {
            json.put("comment", "written by a newer ktx");
            json.putArray("futureList").add(1);
            ((ObjectNode) json.get("asset")).putObject("signature").put("algorithm", "ed25519");
            ((ObjectNode) json.get("python")).put("version", "3.13.0");
            ((ObjectNode) json.get("provisioner")).put("path", "/usr/bin/uv");
        });
        assertThat(store.read(manifestPath())).isInstanceOf(Present.class).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenManifests")
    void brokenContentIsInvalidWithOneClearLine(String description, byte[] content, String expected) throws IOException {
        Files.write(manifestPath(), content);
        ManifestStore.ManifestRead read = store.read(manifestPath());
        assertThat(read).isInstanceOf(Invalid.class);
        String reason = ((Invalid) read).reason();
        assertThat(reason).contains(expected);
        assertOneClearLine(reason);
    }

    static Stream<Arguments> brokenManifests() {
        String huge = "1" + "0".repeat(1000);
        return Stream.of(
                broken("truncated JSON", CONTRACT_EXAMPLE.substring(0, CONTRACT_EXAMPLE.length() / 2),
                        "not valid JSON (the document ends too early)"),
                broken("truncated between fields", "{\"schemaVersion\": 1, \"asset\": {\"schemaVersion\": 1,", "ends too early"),
                broken("truncated inside an array", "{\"features\": [\"core\", 1", "ends too early"),
                broken("mismatched brackets", "{\"features\": [\"core\"}", "not valid JSON (Unexpected close marker"),
                broken("binary garbage", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, "not valid JSON"),
                broken("not JSON", "schemaVersion = 1\n", "not valid JSON"),
                broken("empty file", "", "file is empty"),
                broken("a JSON array", "[" + CONTRACT_EXAMPLE + "]", "expected a JSON object at the top level"),
                broken("a JSON string", "\"manifest\"", "expected a JSON object at the top level"),
                broken("missing asset", edited(json -> json.remove("asset")), "missing field 'asset'"),
                broken("missing nested key", edited(json -> ((ObjectNode) json.get("python")).remove("executable")),
                        "missing field 'python.executable'"),
                broken("null field", edited(json -> json.putNull("cliVersion")), "missing field 'cliVersion'"),
                broken("schemaVersion as text", edited(json -> json.put("schemaVersion", "1")),
                        "field 'schemaVersion' must be a whole number"),
                broken("features as text", edited(json -> json.put("features", "core")),
                        "field 'features' must be an array of strings"),
                broken("feature as number", edited(json -> json.putArray("features").add(1)),
                        "field 'features' must be an array of strings"),
                broken("wheel bytes as text", edited(json -> ((ObjectNode) json.at("/asset/wheel")).put("bytes", "many")),
                        "field 'asset.wheel.bytes' must be a whole number"),
                broken("installedAt not a date", edited(json -> json.put("installedAt", "yesterday")),
                        "field 'installedAt' must be an ISO-8601 instant"),
                broken("unknown feature", edited(json -> json.putArray("features").add("core").add("gpu")),
                        "unknown feature 'gpu'"),
                broken("empty features", edited(json -> json.putArray("features")), "field 'features' must not be empty"),
                broken("schemaVersion 2", edited(json -> json.put("schemaVersion", 2)), "unsupported schemaVersion 2"),
                broken("unsafe wheel file", edited(json -> ((ObjectNode) json.at("/asset/wheel")).put("file", "../x.whl")),
                        "Unsafe runtime wheel filename in bundled manifest: ../x.whl"),
                broken("deep nesting", "{\"schemaVersion\": 1, \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "nesting depth (65) exceeds the maximum allowed (64)"),
                broken("2 MB file", "{\"padding\": \"" + " ".repeat(2 << 20) + "\"}", "file is larger than 1024 KiB"),
                broken("huge number", CONTRACT_EXAMPLE.replace("\"schemaVersion\": 1, \"cliVersion\"",
                        "\"schemaVersion\": " + huge + ", \"cliVersion\""),
                        "Number value length"),
                broken("number too big for its field", edited(json -> json.put("schemaVersion", 1L << 40)),
                        "field 'schemaVersion' must be a whole number"),
                broken("100 kB string", edited(json -> json.put("cliVersion", "9".repeat(100_000))), "String value length"));
    }

    @Test
    void writeReplacesAnExistingManifestAndLeavesNoTemporaryFile() throws IOException {
        store.write(manifestPath(), FsFixtures.installed(FeatureSet.core(), Optional.empty()));
        InstalledManifest second = FsFixtures.installed();
        store.write(manifestPath(), second);
        assertThat(store.read(manifestPath())).isEqualTo(new Present(second));
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).containsExactly(manifestPath());
        }
    }

    @Test
    void leftoverTemporaryFileFromAKilledWriterDoesNotBreakTheNextWrite() throws IOException {
        // Longer than the real manifest: a writer that did not truncate would leave garbage at the end.
        Files.writeString(dir.resolve("manifest.json.tmp"), "{\"half-written\": " + "x".repeat(10_000));
        InstalledManifest manifest = FsFixtures.installed();
        store.write(manifestPath(), manifest);
        assertThat(store.read(manifestPath())).isEqualTo(new Present(manifest));
        assertThat(dir.resolve("manifest.json.tmp")).doesNotExist();
    }

    @Test
    void failedWriteLeavesThePreviousManifestReadable() throws IOException {
        InstalledManifest previous = FsFixtures.installed();
        store.write(manifestPath(), previous);
        // A non-empty directory where the temporary file must go makes the write fail before the rename.
        Files.createDirectories(dir.resolve("manifest.json.tmp/occupied"));
        assertThatThrownBy(() -> store.write(manifestPath(), FsFixtures.installed(FeatureSet.core(), Optional.empty())))
                .isInstanceOf(IOException.class);
        assertThat(store.read(manifestPath())).isEqualTo(new Present(previous));
    }

    private void write(Consumer<ObjectNode> edit) throws IOException {
        Files.write(manifestPath(), edited(edit));
    }

    private static byte[] edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(CONTRACT_EXAMPLE);
            edit.accept(json);
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments broken(String description, String content, String expected) {
        return broken(description, content.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Arguments broken(String description, byte[] content, String expected) {
        return Arguments.of(description, content, expected);
    }

    /** What a user can be shown as is: one short line, nothing of the parser's insides. */
    static void assertOneClearLine(String reason) {
        assertThat(reason).isNotBlank().hasSizeLessThan(300);
        for (String leak : List.of("\n", "\r", "\tat ", "Exception", "jackson", "Jackson", "StreamRead", "`", "Source:")) {
            assertThat(reason).as("leaks %s", leak.strip()).doesNotContain(leak);
        }
    }
}
