package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is run from, or installed into, a runtime directory other users can write to. */
class ExposedRuntimeFaultIT {

    @TempDir
    Path dir;

    @Test
    void aWorldWritableRuntimeIsNeverReadyAndNeverInstalledInto() throws Exception {
        FaultTally tally = new FaultTally("world-writable-runtime");
        Path root = dir.resolve("root");
        KtxRun ktx = KtxRun.against(root);
        ktx.run("runtime", "install").succeeds();
        Path versionDir = root.resolve(Distribution.version().value());

        Files.setPosixFilePermissions(versionDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        var status = ktx.run("runtime", "status").succeeds();
        assertThat(status.line("status: ")).isEqualTo("broken");
        assertThat(status.line("detail: ")).startsWith("Runtime directory can be changed by other users: " + versionDir);
        tally.record("world-writable version dir: status broken");

        var refused = ktx.run("runtime", "install", "--force").exits(1);
        assertThat(refused.problem()).startsWith("Refusing to install into " + versionDir + ": other users can write to it.");
        tally.record("world-writable version dir: install refused");

        Files.setPosixFilePermissions(versionDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Faults.assertReadyAndRuns(ktx);
        tally.record("made private again: ready");
        tally.publish();
    }

    @Test
    void anInterpreterInAWorldWritableDirectoryIsNotUsed() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open-bin"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = Files.writeString(open.resolve("python3"), "#!/bin/sh\necho planted >&2\nexit 3\n");
        planted.toFile().setExecutable(true);

        var refused = KtxRun.against(dir.resolve("root")).env("KTX_PYTHON", planted.toString()).run("runtime", "install").exits(1);

        assertThat(refused.err()).contains("KTX_PYTHON=" + planted + " is not an executable Python").doesNotContain("planted");
    }
}
