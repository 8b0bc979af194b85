package ai.kaelio.ktx.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.port.out.RuntimeFiles.EntryType;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The other tests trust this fake to behave like NioRuntimeFiles; these pin the behaviour they rely on. */
class FakeRuntimeFilesTest {

    private final FakeRuntimeFiles files = new FakeRuntimeFiles();

    @Test
    void listIsSortedTypedAndDoesNotFollowLinks() throws IOException {
        files.file(Path.of("/r/b.txt")).directory(Path.of("/r/c")).symlink(Path.of("/r/a"), Path.of("/r/c"))
                .file(Path.of("/r/c/deep"));

        assertThat(files.list(Path.of("/r"))).containsExactly(
                new RuntimeFiles.Entry(Path.of("/r/a"), EntryType.SYMBOLIC_LINK),
                new RuntimeFiles.Entry(Path.of("/r/b.txt"), EntryType.FILE),
                new RuntimeFiles.Entry(Path.of("/r/c"), EntryType.DIRECTORY));
        assertThat(files.list(Path.of("/missing"))).isEmpty();
        assertThatThrownBy(() -> files.list(Path.of("/r/b.txt"))).isInstanceOf(NotDirectoryException.class);
    }

    @Test
    void regularFileChecksFollowLinksRelativeToTheirDirectory() {
        files.file(Path.of("/py/python3.12")).symlink(Path.of("/v/bin/python3"), Path.of("../../py/python3.12"))
                .symlink(Path.of("/v/bin/python"), Path.of("python3"));

        assertThat(files.isRegularFile(Path.of("/v/bin/python"))).isTrue();
        assertThat(files.typeOf(Path.of("/v/bin/python"))).isEqualTo(EntryType.SYMBOLIC_LINK);
        assertThat(files.danglingLinkTarget(Path.of("/v/bin/python"))).isEmpty();
        assertThat(files.isRegularFile(Path.of("/v/bin"))).isFalse();
    }

    @Test
    void aDanglingChainNamesTheFirstMissingTarget() {
        files.symlink(Path.of("/v/bin/python"), Path.of("python3")).symlink(Path.of("/v/bin/python3"), Path.of("/gone/python"));

        assertThat(files.isRegularFile(Path.of("/v/bin/python"))).isFalse();
        assertThat(files.danglingLinkTarget(Path.of("/v/bin/python"))).contains(Path.of("/gone/python"));
        assertThat(files.danglingLinkTarget(Path.of("/nothing"))).isEmpty();
    }

    @Test
    void deleteTreeRemovesALinkButNotItsTarget() throws IOException {
        files.file(Path.of("/keep/data")).symlink(Path.of("/r/0.1.0"), Path.of("/keep"));

        files.deleteTree(Path.of("/r/0.1.0"));

        assertThat(files.exists(Path.of("/r/0.1.0"))).isFalse();
        assertThat(files.exists(Path.of("/keep/data"))).isTrue();
    }

    @Test
    void deleteTreeRemovesADirectoryWithEverythingBelowAndIgnoresMissingPaths() throws IOException {
        files.file(Path.of("/r/0.1.0/venv/bin/python")).file(Path.of("/r/0.1.0x"));

        files.deleteTree(Path.of("/r/0.1.0"));
        files.deleteTree(Path.of("/r/never"));

        assertThat(files.exists(Path.of("/r/0.1.0/venv/bin/python"))).isFalse();
        assertThat(files.exists(Path.of("/r/0.1.0x"))).isTrue();
        assertThat(files.deleted()).containsExactly(Path.of("/r/0.1.0"));
        assertThatThrownBy(() -> files.deleteTree(Path.of("/"))).isInstanceOf(IOException.class);
    }

    @Test
    void createDirectoriesFailsWhereAFileIsInTheWay() throws IOException {
        files.file(Path.of("/r/0.2.0"));

        assertThatThrownBy(() -> files.createDirectories(Path.of("/r/0.2.0/venv"))).isInstanceOf(FileAlreadyExistsException.class);
        files.createDirectories(Path.of("/r/0.3.0/venv"));
        assertThat(files.typeOf(Path.of("/r/0.3.0"))).isEqualTo(EntryType.DIRECTORY);
    }

    @Test
    void venvHomeReadsPyvenvCfgLikePythonWrites() {
        files.file(Path.of("/v/pyvenv.cfg"), "include-system-site-packages = false\nhome = /usr/bin\nversion = 3.12.1\n")
                .file(Path.of("/w/pyvenv.cfg"), "home =\n");

        assertThat(files.venvHome(Path.of("/v"))).contains(Path.of("/usr/bin"));
        assertThat(files.venvHome(Path.of("/w"))).isEmpty();
        assertThat(files.venvHome(Path.of("/none"))).isEmpty();
    }

    @Test
    void renameReplacesAFileOrALinkButNeverWhatTheLinkPointsTo() throws IOException {
        files.file(Path.of("/r/new.log"), "new").file(Path.of("/r/old.log"), "old")
                .file(Path.of("/elsewhere/keep"), "keep").symlink(Path.of("/r/link.log"), Path.of("/elsewhere/keep"))
                .file(Path.of("/r/other.log"), "other");

        files.rename(Path.of("/r/new.log"), Path.of("/r/old.log"));
        files.rename(Path.of("/r/other.log"), Path.of("/r/link.log"));

        assertThat(files.content(Path.of("/r/old.log"))).contains("new");
        assertThat(files.exists(Path.of("/r/new.log"))).isFalse();
        assertThat(files.typeOf(Path.of("/r/link.log"))).isEqualTo(EntryType.FILE);
        assertThat(files.content(Path.of("/elsewhere/keep"))).contains("keep");
        assertThatThrownBy(() -> files.rename(Path.of("/r/missing"), Path.of("/r/x"))).isInstanceOf(IOException.class);
    }
}
