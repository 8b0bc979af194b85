package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pip's rule for a /bin/sh launcher, as distlib applies it; the provisioner tests show real pip following it. */
class DaemonLauncherCheckTest {

    @Test
    void aSpaceOrALineLongerThanTheKernelReadsNeedsTheShellLauncher() {
        DaemonLauncherCheck linux = check(Platform.LINUX);

        assertThat(linux.needsShellLauncher(Path.of("/data/D sp/venv/bin/python"))).isTrue();
        assertThat(linux.needsShellLauncher(Path.of("/data/plain/venv/bin/python"))).isFalse();
        // "#!" + path + "\n" may take 127 bytes.
        assertThat(linux.needsShellLauncher(pathOfBytes(124))).isFalse();
        assertThat(linux.needsShellLauncher(pathOfBytes(125))).isTrue();
        assertThat(linux.needsShellLauncher(Path.of("/d/" + "é".repeat(61) + "/p"))).as("bytes, not characters").isTrue();
        assertThat(check(Platform.MACOS).needsShellLauncher(pathOfBytes(509))).isFalse();
        assertThat(check(Platform.MACOS).needsShellLauncher(pathOfBytes(510))).isTrue();
        assertThat(check(Platform.WINDOWS).needsShellLauncher(Path.of("/data/D sp/venv/bin/python"))).isFalse();
    }

    @Test
    void onlyPathsThatNeedTheShellLauncherAndHoldWhatTheShellReadsAreRefused() {
        DaemonLauncherCheck linux = check(Platform.LINUX);

        assertThat(linux.refusalBeforePip(environment("/tmp/D sp $HOME x/0.1.0"))).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("Cannot install under /tmp/D sp $HOME x/0.1.0: its path has a space,")
                        .endsWith("reads the $ in it as shell syntax; choose a runtime root without $, \", ` or \\"
                                + " (set KTX_RUNTIME_ROOT)."));
        assertThat(linux.refusalBeforePip(environment("/tmp/a \"b` c\\/0.1.0")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("reads the \" and ` and \\ in it"));
        assertThat(linux.refusalBeforePip(environment("/tmp/D sp 'quoted' x/0.1.0"))).as("' is plain inside \"…\"").isEmpty();
        assertThat(linux.refusalBeforePip(environment("/tmp/d$x/0.1.0"))).as("a plain #! line: no shell").isEmpty();
        assertThat(check(Platform.WINDOWS).refusalBeforePip(environment("/tmp/D sp $HOME x/0.1.0"))).isEmpty();
    }

    private static EnvironmentLayout environment(String versionDir) {
        return EnvironmentLayout.of(Platform.LINUX, Path.of(versionDir).resolve("venv-1"));
    }

    private static Path pathOfBytes(int bytes) {
        String tail = "/venv/bin/python";
        return Path.of("/" + "d".repeat(bytes - 1 - tail.length()) + tail);
    }

    private static DaemonLauncherCheck check(Platform platform) {
        HostEnvironment host = new HostEnvironment(platform, Map.of(), Path.of("/home/alex"));
        return new DaemonLauncherCheck(host, new CommandRunner(host));
    }
}
