package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAbsenceTest {

    @TempDir
    Path dir;

    // The reason is the C library's, in the user's language: only the paths may decide.
    @Test
    void aFileAmongThePathsParentsMeansAbsentWhateverTheSystemsWording() throws IOException {
        Path root = Files.writeString(dir.resolve("root"), "a file");
        Path state = root.resolve("0.1.0/daemon.json");

        assertThat(FileAbsence.means(state, new FileSystemException(state.toString(), null, "Ist kein Verzeichnis"))).isTrue();
        assertThat(FileAbsence.means(state, new NoSuchFileException(state.toString()))).isTrue();
    }

    @Test
    void anyOtherFailureIsNotAbsence() throws IOException {
        Path state = Files.writeString(dir.resolve("daemon.json"), "{}");

        assertThat(FileAbsence.means(state, new FileSystemException(state.toString(), null, "Not a directory"))).isFalse();
        assertThat(FileAbsence.means(state, new java.nio.file.AccessDeniedException(state.toString()))).isFalse();
        assertThat(FileAbsence.unreadable(state, new FileSystemException(state.toString(), null, "Input/output error")))
                .isEqualTo("cannot read " + state + " (Input/output error)");
    }
}
