package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.RuntimeFiles.Entry;
import ai.kaelio.ktx.application.port.out.RuntimeFiles.EntryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioRuntimeFilesTest {

    private final NioRuntimeFiles files = new NioRuntimeFiles();

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @Test
    void listTypesEntriesWithoutFollowingLinksSortedByName() throws IOException {
        Files.createDirectory(dir.resolve("b-dir"));
        Files.writeString(dir.resolve("a-file"), "x");
        Files.createSymbolicLink(dir.resolve("d-link-to-dir"), outside);
        Files.createSymbolicLink(dir.resolve("c-dangling"), dir.resolve("nowhere"));
        assertThat(files.list(dir)).containsExactly(
                new Entry(dir.resolve("a-file"), EntryType.FILE),
                new Entry(dir.resolve("b-dir"), EntryType.DIRECTORY),
                new Entry(dir.resolve("c-dangling"), EntryType.SYMBOLIC_LINK),
                new Entry(dir.resolve("d-link-to-dir"), EntryType.SYMBOLIC_LINK));
    }

    @Test
    void listOfAMissingDirectoryIsEmpty() throws IOException {
        assertThat(files.list(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void typeOfNamesEachKindAndDoesNotFollowLinks() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(files.typeOf(dir)).isEqualTo(EntryType.DIRECTORY);
        assertThat(files.typeOf(dir.resolve("file"))).isEqualTo(EntryType.FILE);
        assertThat(files.typeOf(dir.resolve("link"))).isEqualTo(EntryType.SYMBOLIC_LINK);
        assertThat(files.typeOf(dir.resolve("fifo"))).isEqualTo(EntryType.OTHER);
        assertThat(files.typeOf(dir.resolve("missing"))).isEqualTo(EntryType.MISSING);
    }

    @Test
    void danglingLinkTargetReportsTheMissingEndOfAChain() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path missing = outside.resolve("versions/3.11.7/bin/python3.11");
        Files.createSymbolicLink(bin.resolve("python3"), missing);
        // Relative, as venv writes it: resolved against the link's own directory.
        Files.createSymbolicLink(bin.resolve("python"), Path.of("python3"));
        assertThat(files.danglingLinkTarget(bin.resolve("python"))).contains(missing);
    }

    @Test
    void danglingLinkTargetIsEmptyForWorkingLinksFilesAndLoops() throws IOException {
        Path real = Files.writeString(outside.resolve("python3.11"), "");
        Files.createSymbolicLink(dir.resolve("python"), real);
        Files.createSymbolicLink(dir.resolve("a"), dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), dir.resolve("a"));
        assertThat(files.danglingLinkTarget(dir.resolve("python"))).isEmpty();
        assertThat(files.danglingLinkTarget(real)).isEmpty();
        assertThat(files.danglingLinkTarget(dir.resolve("a"))).isEmpty();
        assertThat(files.danglingLinkTarget(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void venvHomeIsReadFromPyvenvCfg() throws IOException {
        Files.writeString(dir.resolve("pyvenv.cfg"), """
                include-system-site-packages = false
                home = /root/.pyenv/versions/3.11.7/bin
                version = 3.11.7
                """);
        assertThat(files.venvHome(dir)).contains(Path.of("/root/.pyenv/versions/3.11.7/bin"));
    }

    @Test
    void venvHomeIsEmptyWithoutAUsableHomeLine() throws IOException {
        assertThat(files.venvHome(dir)).as("no pyvenv.cfg").isEmpty();
        Files.writeString(dir.resolve("pyvenv.cfg"), "version = 3.11.7\nhomepage = /x\n");
        assertThat(files.venvHome(dir)).as("no home key").isEmpty();
        Files.writeString(dir.resolve("pyvenv.cfg"), "home =   \n");
        assertThat(files.venvHome(dir)).as("empty home").isEmpty();
    }

    @Test
    void deleteTreeRemovesLinksButNeverWhatTheyPointAt() throws IOException {
        Path keep = Files.writeString(Files.createDirectories(outside.resolve("keep")).resolve("precious.txt"), "keep me");
        Path tree = Files.createDirectories(dir.resolve("venv-1/lib/python3.11/site-packages"));
        Files.writeString(tree.resolve("module.py"), "x = 1");
        Files.createSymbolicLink(tree.resolve("linked-dir"), outside.resolve("keep"));
        Files.createSymbolicLink(dir.resolve("venv-1/linked-file"), keep);
        Files.createSymbolicLink(dir.resolve("venv-1/dangling"), outside.resolve("nothing"));

        files.deleteTree(dir.resolve("venv-1"));

        assertThat(dir.resolve("venv-1")).doesNotExist();
        assertThat(keep).hasContent("keep me");
        try (Stream<Path> kept = Files.list(outside.resolve("keep"))) {
            assertThat(kept).containsExactly(keep);
        }
    }

    @Test
    void deleteTreeOfALinkRemovesOnlyTheLink() throws IOException {
        Path keep = Files.writeString(outside.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("0.0.9"), outside);
        files.deleteTree(link);
        assertThat(link).doesNotExist();
        assertThat(files.typeOf(link)).isEqualTo(EntryType.MISSING);
        assertThat(keep).hasContent("keep me");
    }

    @Test
    void deleteTreeOfAMissingPathDoesNothing() throws IOException {
        files.deleteTree(dir.resolve("missing"));
        files.deleteTree(dir.resolve("missing/parent/too"));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void createDirectoriesMakesParentsAndAcceptsAnExistingOne() throws IOException {
        Path nested = dir.resolve("a/b/c");
        files.createDirectories(nested);
        files.createDirectories(nested);
        assertThat(nested).isDirectory();
    }

    @Test
    void isRegularFileFollowsLinksAsRunningWouldButNotToDirectories() throws IOException {
        Path real = Files.writeString(outside.resolve("python3.11"), "");
        Files.createSymbolicLink(dir.resolve("python"), real);
        Files.createSymbolicLink(dir.resolve("dir-link"), outside);
        assertThat(files.isRegularFile(dir.resolve("python"))).isTrue();
        assertThat(files.isRegularFile(dir.resolve("dir-link"))).isFalse();
        assertThat(files.isRegularFile(dir.resolve("missing"))).isFalse();
    }

    @Test
    void renameReplacesAFileOrALinkButNeverWhatTheLinkPointsTo() throws IOException {
        Files.writeString(dir.resolve("new.log"), "new");
        Files.writeString(dir.resolve("old.log"), "old");
        Path kept = Files.writeString(outside.resolve("keep"), "keep");
        Files.createSymbolicLink(dir.resolve("link.log"), kept);
        Files.writeString(dir.resolve("other.log"), "other");

        files.rename(dir.resolve("new.log"), dir.resolve("old.log"));
        files.rename(dir.resolve("other.log"), dir.resolve("link.log"));

        assertThat(dir.resolve("old.log")).hasContent("new");
        assertThat(dir.resolve("new.log")).doesNotExist();
        assertThat(Files.isSymbolicLink(dir.resolve("link.log"))).isFalse();
        assertThat(dir.resolve("link.log")).hasContent("other");
        assertThat(kept).hasContent("keep");
    }
}
