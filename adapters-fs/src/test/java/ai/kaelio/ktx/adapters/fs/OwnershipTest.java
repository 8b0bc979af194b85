package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipTest {

    @TempDir
    Path dir;

    @Test
    void ourOwnPrivateDirectoryIsTrusted() throws Exception {
        Path own = Files.createDirectory(dir.resolve("own"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(Ownership.writableByOthers(own)).isFalse();
    }

    @Test
    void aDirectoryEveryoneMayWriteIsNot() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(Ownership.writableByOthers(open)).isTrue();
    }

    @Test
    void aStickyDirectoryLikeTmpIsTrustedForItsOwnersEntries() throws Exception {
        Path sticky = Files.createDirectory(dir.resolve("sticky"));
        Files.setPosixFilePermissions(sticky, PosixFilePermissions.fromString("rwxrwxrwx"));
        new ProcessBuilder("chmod", "+t", sticky.toString()).start().waitFor();

        assertThat(Ownership.writableByOthers(sticky)).isFalse();
    }

    @Test
    void somethingOwnedByAnotherUserIsNot() throws Exception {
        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Process chown = new ProcessBuilder("chown", "nobody", foreign.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(chown.waitFor() == 0, "needs the right to chown (root)");

        assertThat(Ownership.writableByOthers(foreign)).isTrue();
    }

    @Test
    void aMissingPathIsNotReportedAsExposed() {
        assertThat(Ownership.writableByOthers(dir.resolve("missing"))).isFalse();
    }
}
