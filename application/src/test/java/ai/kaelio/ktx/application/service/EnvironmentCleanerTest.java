package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.FakeRuntimeFiles;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentCleanerTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();
    private final FakeRuntimeFiles files = runtime.files();
    private final EnvironmentCleaner cleaner = new EnvironmentCleaner(layout, files, runtime.leases());

    /** Where a removal renames an environment before deleting it. */
    private static Path aside(EnvironmentLayout environment) {
        return environment.venvDir().resolveSibling(".removing-" + environment.venvDir().getFileName());
    }

    // A command arriving mid-delete must find nothing at the manifest's old path, not a half-deleted
    // environment it could lease anew.
    @Test
    void aClaimedEnvironmentIsGoneFromItsPathBeforeItsDeleteBegins() throws IOException {
        EnvironmentLayout committed = runtime.environmentOnDisk("committed");
        EnvironmentLayout dead = runtime.environmentOnDisk("dead");
        java.util.List<Boolean> atItsPathDuringTheDelete = new java.util.ArrayList<>();
        files.beforeDelete(path -> atItsPathDuringTheDelete.add(files.exists(dead.venvDir())));

        cleaner.removeLeftovers(Optional.of(committed));

        assertThat(atItsPathDuringTheDelete).containsExactly(false);
        assertThat(runtime.leases().claimed()).containsExactly(dead.venvDir());
    }

    @Test
    void aRemovalInterruptedAfterSettingAnEnvironmentAsideIsFinishedByTheNext() throws IOException {
        EnvironmentLayout committed = runtime.environmentOnDisk("committed");
        files.file(layout.versionDir().resolve(".removing-venv-old/bin/python"));

        cleaner.removeLeftovers(Optional.of(committed));

        assertThat(files.deleted()).containsExactly(layout.versionDir().resolve(".removing-venv-old"));
        assertThat(files.exists(committed.pythonPath())).isTrue();
    }

    @Test
    void discardRemovesAnAttemptsEnvironment() {
        EnvironmentLayout attempt = runtime.environmentOnDisk("a");

        cleaner.discard(attempt);

        assertThat(files.exists(attempt.venvDir())).isFalse();
    }

    @Test
    void discardNeverRemovesAnythingOutsideTheVersionDir() {
        EnvironmentLayout outside = EnvironmentLayout.of(Platform.LINUX, Path.of("/home/alex/venv-mine"));
        files.file(outside.pythonPath());

        cleaner.discard(outside);

        assertThat(files.exists(outside.pythonPath())).isTrue();
    }

    @Test
    void discardNeverRemovesADirectoryThatIsNotAnEnvironment() {
        EnvironmentLayout notOne = EnvironmentLayout.of(Platform.LINUX, layout.versionDir().resolve("cache"));
        files.file(notOne.pythonPath());

        cleaner.discard(notOne);
        cleaner.discard(EnvironmentLayout.of(Platform.LINUX, layout.versionDir()));

        assertThat(files.exists(notOne.pythonPath())).isTrue();
        assertThat(files.deleted()).isEmpty();
    }

    @Test
    void removeLeftoversKeepsTheCommittedEnvironmentAndEverythingThatIsNotAnEnvironmentDirectory() throws IOException {
        EnvironmentLayout committed = runtime.environmentOnDisk("committed");
        EnvironmentLayout dead = runtime.environmentOnDisk("dead");
        files.file(layout.versionDir().resolve("venv-file"))
                .symlink(layout.versionDir().resolve("venv-link"), Path.of("/home/alex/elsewhere"))
                .file(layout.installLogPath());

        cleaner.removeLeftovers(Optional.of(committed));

        assertThat(files.deleted()).containsExactly(aside(dead));
        assertThat(files.exists(dead.venvDir())).isFalse();
        assertThat(files.exists(committed.pythonPath())).isTrue();
        assertThat(files.exists(layout.versionDir().resolve("venv-link"))).isTrue();
    }

    @Test
    void removeLeftoversKeepsAReplacedEnvironmentThatACommandStillRunsIn() throws IOException {
        EnvironmentLayout committed = runtime.environmentOnDisk("committed");
        EnvironmentLayout inUse = runtime.environmentOnDisk("in-use");
        EnvironmentLayout dead = runtime.environmentOnDisk("dead");
        runtime.leases().usedElsewhere(inUse.venvDir());

        cleaner.removeLeftovers(Optional.of(committed));

        assertThat(files.deleted()).containsExactly(aside(dead));
        assertThat(files.exists(dead.venvDir())).isFalse();
        assertThat(files.exists(inUse.pythonPath())).isTrue();
    }

    @Test
    void removeLeftoversTakesDeadAttemptsLogsAndLeavesInstallLogAndOtherFilesAlone() throws IOException {
        EnvironmentLayout committed = runtime.environmentOnDisk("committed");
        runtime.environmentOnDisk("dead");
        Path deadLog = layout.attemptLogPath("dead");
        Path orphanLog = layout.attemptLogPath("orphan");
        files.file(layout.installLogPath(), "committed runtime's log").file(deadLog).file(orphanLog)
                .file(layout.versionDir().resolve("install-notes.txt"))
                .directory(layout.versionDir().resolve("install-dir.log"));

        cleaner.removeLeftovers(Optional.of(committed));

        assertThat(files.exists(deadLog)).isFalse();
        assertThat(files.exists(orphanLog)).isFalse();
        assertThat(files.content(layout.installLogPath())).contains("committed runtime's log");
        assertThat(files.exists(layout.versionDir().resolve("install-notes.txt"))).isTrue();
        assertThat(files.exists(layout.versionDir().resolve("install-dir.log"))).isTrue();
    }

    @Test
    void discardLogRemovesOnlyAnAttemptLogInTheVersionDir() {
        Path attemptLog = layout.attemptLogPath("a");
        files.file(attemptLog).file(layout.installLogPath()).file(Path.of("/home/alex/install-a.log"));

        cleaner.discardLog(attemptLog);
        cleaner.discardLog(layout.installLogPath());
        cleaner.discardLog(Path.of("/home/alex/install-a.log"));

        assertThat(files.deleted()).containsExactly(attemptLog);
    }

    @Test
    void removeLeftoversOfAVersionDirThatDoesNotExistYetDoesNothing() throws IOException {
        cleaner.removeLeftovers(Optional.empty());

        assertThat(files.deleted()).isEmpty();
    }

    @Test
    void missingExecutablesAreNamed() {
        EnvironmentLayout attempt = runtime.environmentOnDisk("a");
        assertThat(cleaner.missingExecutable(attempt)).isEmpty();

        files.remove(attempt.daemonPath());
        assertThat(cleaner.missingExecutable(attempt))
                .contains("Missing ktx-daemon executable after provisioning: " + attempt.daemonPath());

        files.remove(attempt.pythonPath());
        assertThat(cleaner.missingExecutable(attempt))
                .contains("Missing Python executable after provisioning: " + attempt.pythonPath());
    }
}
