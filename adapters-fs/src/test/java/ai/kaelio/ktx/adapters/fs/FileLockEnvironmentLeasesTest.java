package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OS locks, held by a real second process (python3's fcntl, so not this adapter's own code). */
class FileLockEnvironmentLeasesTest {

    private static final String HOLDER = String.join("\n",
            "import fcntl, sys",
            "f = open(sys.argv[1], 'a+')",
            "fcntl.lockf(f, fcntl.LOCK_SH if sys.argv[2] == 'shared' else fcntl.LOCK_EX)",
            "print('locked', flush=True)",
            "sys.stdin.read()");

    @TempDir
    Path dir;

    private final FileLockEnvironmentLeases leases = new FileLockEnvironmentLeases();
    private Path venv;
    private Process holder;

    @BeforeEach
    void environment() throws IOException {
        venv = Files.createDirectories(dir.resolve("venv-a"));
    }

    @AfterEach
    void endHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void anotherProcessHolds(String mode) throws IOException {
        holder = new ProcessBuilder("python3", "-c", HOLDER, venv.resolve(FileLockEnvironmentLeases.LEASE_FILE).toString(), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(said).isEqualTo("locked");
    }

    private void thatProcessEnds() throws IOException, InterruptedException {
        holder.getOutputStream().close();
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        holder = null;
    }

    @Test
    void anEnvironmentAnotherProcessRunsInCannotBeClaimedUntilThatProcessEnds() throws Exception {
        anotherProcessHolds("shared");

        assertThat(leases.claim(venv)).isEmpty();
        try (EnvironmentLeases.Lease alsoUsing = leases.share(venv).orElseThrow()) {
            assertThat(alsoUsing).isNotNull();
        }

        thatProcessEnds();
        Optional<EnvironmentLeases.Lease> claimed = leases.claim(venv);
        assertThat(claimed).isPresent();
        claimed.get().close();
    }

    @Test
    void anEnvironmentBeingRemovedCannotBeShared() throws Exception {
        anotherProcessHolds("exclusive");

        assertThat(leases.share(venv)).isEmpty();
    }

    @Test
    void aLeaseHereKeepsAnotherProcessFromClaiming() throws Exception {
        try (EnvironmentLeases.Lease using = leases.share(venv).orElseThrow()) {
            Process claimer = new ProcessBuilder("python3", "-c", String.join("\n",
                    "import fcntl, sys",
                    "f = open(sys.argv[1], 'a+')",
                    "try:",
                    "    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)",
                    "    sys.exit(0)",
                    "except OSError:",
                    "    sys.exit(3)"), venv.resolve(FileLockEnvironmentLeases.LEASE_FILE).toString()).start();
            assertThat(claimer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(claimer.exitValue()).isEqualTo(3);
        }
    }

    @Test
    void aRemovedEnvironmentCannotBeShared() throws Exception {
        Path gone = dir.resolve("venv-gone");

        assertThat(leases.share(gone)).isEmpty();
        assertThat(gone).doesNotExist();
    }

    @Test
    void anEnvironmentClaimedAndRemovedCannotBeSharedAfterwards() throws Exception {
        try (EnvironmentLeases.Lease removing = leases.claim(venv).orElseThrow()) {
            new NioRuntimeFiles().deleteTree(venv);
        }

        assertThat(leases.share(venv)).isEmpty();
        assertThat(venv).doesNotExist();
    }
}
