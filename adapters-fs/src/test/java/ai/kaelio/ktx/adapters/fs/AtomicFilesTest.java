package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aLinkPlantedAtTheTemporaryNameIsReplacedNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
        Files.createSymbolicLink(dir.resolve("manifest.json.tmp"), victim);

        AtomicFiles.write(dir.resolve("manifest.json"), "{}\n".getBytes());

        assertThat(victim).hasContent("untouched");
        assertThat(Files.isSymbolicLink(dir.resolve("manifest.json"))).isFalse();
        assertThat(dir.resolve("manifest.json")).hasContent("{}");
    }
}
