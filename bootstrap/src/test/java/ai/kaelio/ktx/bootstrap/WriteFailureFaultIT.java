package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the system refuses in the middle of a reinstall, as on a full disk. A file-size limit stands in
 * for the full disk (mounting a small file system needs privileges a test does not have): the write fails
 * the same way, with an error the writer cannot get around. The runtime in use must stay ready and run,
 * the attempt must go, and the message must name its log.
 */
class WriteFailureFaultIT {

    /** Below what {@code python -m venv} writes for its own files: the environment cannot be made. */
    private static final long NO_ROOM_FOR_AN_ENVIRONMENT = 8 * 1024;
    /** Room for the environment and ktx's package, not for numpy's libraries: pip fails half-way. */
    private static final long NO_ROOM_FOR_NUMPY = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    private KtxRun ktx;
    private JsonNode before;

    @BeforeEach
    void installARuntime() throws Exception {
        ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();
        before = Faults.status(ktx);
    }

    @Test
    void aReinstallThatCannotWriteItsEnvironmentKeepsTheRuntimeInUse() throws Exception {
        FaultTally tally = new FaultTally("write-refused-reinstall");

        var failed = ktx.runWithFileSizeLimit(NO_ROOM_FOR_AN_ENVIRONMENT, "runtime", "install", "--force",
                "--provisioner", "venv").exits(1);

        assertFailedAttemptLeftTheRuntimeAsItWas(failed, "-m venv");
        tally.record("creating the environment failed (File too large); the runtime in use stayed ready and ran");
        assertTheNextInstallRecovers();
        tally.publish();
    }

    @Test
    void addingAFeatureWhosePackagesCannotBeWrittenKeepsTheRuntimeInUse() throws Exception {
        FaultTally tally = new FaultTally("write-refused-feature");

        var failed = ktx.runWithFileSizeLimit(NO_ROOM_FOR_NUMPY, "runtime", "install", "--feature", "local-embeddings", "--yes",
                "--provisioner", "venv")
                .exits(1);

        assertFailedAttemptLeftTheRuntimeAsItWas(failed, "__pip-runner__.py install");
        assertThat(Faults.status(ktx).at("/manifest/features").toString()).isEqualTo("[\"core\"]");
        tally.record("pip failed writing numpy (File too large); the core runtime stayed ready and ran");
        assertTheNextInstallRecovers();
        tally.publish();
    }

    private void assertFailedAttemptLeftTheRuntimeAsItWas(KtxRun.Result failed, String failedCommand) throws Exception {
        Path versionDir = Path.of(before.at("/layout/versionDir").asText());
        assertThat(failed.problem()).startsWith("Python runtime install failed. Install log: " + versionDir.resolve("install-"))
                .contains(failedCommand)
                .contains("File too large");
        Path attemptLog = Path.of(failed.problem().lines().findFirst().orElseThrow()
                .substring("Python runtime install failed. Install log: ".length()));
        assertThat(attemptLog).as("the failed attempt's log, which the message names").exists();

        JsonNode after = Faults.status(ktx);
        assertThat(after.get("kind").asText()).isEqualTo("ready");
        assertThat(after.at("/layout/pythonPath")).isEqualTo(before.at("/layout/pythonPath"));
        assertThat(Faults.runs(after.at("/layout/pythonPath").asText())).isTrue();
        assertThat(Path.of(after.at("/layout/installLogPath").asText()))
                .as("the runtime in use keeps its log")
                .hasSameTextualContentAs(Path.of(before.at("/layout/installLogPath").asText()));
        try (Stream<Path> entries = Files.list(versionDir)) {
            assertThat(entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("venv-")))
                    .as("the failed attempt's environment is gone")
                    .containsExactly(Path.of(before.at("/layout/venvDir").asText()).getFileName().toString());
        }
    }

    private void assertTheNextInstallRecovers() throws Exception {
        ktx.run("runtime", "install", "--force").succeeds();
        Faults.assertReadyAndRuns(ktx);
        Path versionDir = Path.of(before.at("/layout/versionDir").asText());
        try (Stream<Path> entries = Files.list(versionDir)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .as("the next install clears the failed attempt's log")
                    .noneMatch(name -> name.startsWith("install-"));
        }
    }
}
