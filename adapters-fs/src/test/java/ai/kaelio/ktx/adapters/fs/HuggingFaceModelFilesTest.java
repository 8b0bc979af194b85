package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.domain.EmbeddingModelStatus.Source;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real directories laid out as huggingface_hub lays out its cache. */
class HuggingFaceModelFilesTest {

    private static final String REPOSITORY = "sentence-transformers/all-MiniLM-L6-v2";

    @TempDir
    Path dir;

    private ModelFiles files(Map<String, String> variables) {
        return new HuggingFaceModelFiles(new HostEnvironment(Platform.LINUX, variables, dir.resolve("home")));
    }

    private Path snapshot(Path cache) throws Exception {
        return Files.createDirectories(cache.resolve("models--sentence-transformers--all-MiniLM-L6-v2/snapshots/abc123"));
    }

    @Test
    void anExistingDirectoryIsUsedAsItIs() throws Exception {
        Path model = Files.createDirectories(dir.resolve("my model"));

        assertThat(files(Map.of()).locate(model.toString())).isEqualTo(new ModelFiles.Location(Source.DIRECTORY, model));
    }

    @Test
    void aRepositoryWithASnapshotInTheDefaultCacheIsCached() throws Exception {
        Path cache = dir.resolve("home/.cache/huggingface/hub");
        snapshot(cache);

        assertThat(files(Map.of()).locate(REPOSITORY)).isEqualTo(
                new ModelFiles.Location(Source.CACHE, cache.resolve("models--sentence-transformers--all-MiniLM-L6-v2")));
    }

    @Test
    void theCacheIsWhereTheHubsVariablesPutIt() throws Exception {
        snapshot(dir.resolve("hub-cache"));
        snapshot(dir.resolve("hf-home/hub"));
        snapshot(dir.resolve("xdg/huggingface/hub"));

        assertThat(files(Map.of("HF_HUB_CACHE", dir.resolve("hub-cache").toString(), "HF_HOME", "/nowhere")).locate(REPOSITORY).where())
                .startsWith(dir.resolve("hub-cache"));
        assertThat(files(Map.of("HF_HOME", dir.resolve("hf-home").toString(), "XDG_CACHE_HOME", "/nowhere")).locate(REPOSITORY).where())
                .startsWith(dir.resolve("hf-home/hub"));
        assertThat(files(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString())).locate(REPOSITORY).source())
                .isEqualTo(Source.CACHE);
    }

    @Test
    void aRepositoryWithoutASnapshotIsNotCachedAndSaysWhereItWouldGo() throws Exception {
        Path cache = dir.resolve("home/.cache/huggingface/hub");
        Files.createDirectories(cache.resolve("models--sentence-transformers--all-MiniLM-L6-v2/blobs"));

        assertThat(files(Map.of()).locate(REPOSITORY)).isEqualTo(
                new ModelFiles.Location(Source.NOT_CACHED, cache.resolve("models--sentence-transformers--all-MiniLM-L6-v2")));
    }

    @Test
    void aMissingDirectoryIsNotCachedAndNamedAsItself() {
        Path missing = dir.resolve("gone/model");

        assertThat(files(Map.of()).locate(missing.toString())).isEqualTo(new ModelFiles.Location(Source.NOT_CACHED, missing));
    }
}
