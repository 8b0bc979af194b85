package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.PruneRequest;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.FakeRuntimeFiles;
import ai.kaelio.ktx.application.testing.FakeRuntimeLock;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneRuntimesServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();
    private final FakeRuntimeFiles files = runtime.files();
    private final Path root = layout.runtimeRoot();

    @Test
    void removesStaleVersionDirectoriesAndKeepsTheCurrentOne() throws IOException {
        files.file(root.resolve("0.1.0/venv-a/bin/python")).directory(root.resolve("0.2.0"))
                .file(root.resolve("README.txt"), "not a runtime directory\n");

        PruneResult result = prune(false);

        assertThat(result.stale()).containsExactly(root.resolve("0.1.0"));
        assertThat(result.kept()).isEmpty();
        assertThat(result.failed()).isEmpty();
        assertThat(result.dryRun()).isFalse();
        assertThat(names(root)).containsExactly("0.2.0", "README.txt");
    }

    @Test
    void aVersionWhoseDaemonRunsIsKeptAndOneWhoseDaemonDiedIsNot() throws IOException {
        files.directory(root.resolve("0.1.0")).directory(root.resolve("0.1.1"));
        var host = runtime.daemonHost();
        var running = host.runDaemon("t", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().putState(layout.daemonStatePath("0.1.0"), runtime.daemonRecord(running, host.portOf(running.pid()), "t"));
        var dead = host.runDaemon("t", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().putState(layout.daemonStatePath("0.1.1"), runtime.daemonRecord(dead, host.portOf(dead.pid()), "t"));
        host.crash(dead.pid());

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "daemon running"));
        assertThat(result.stale()).containsExactly(root.resolve("0.1.1"));
        assertThat(names(root)).containsExactly("0.1.0");
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void aVersionWhoseEnvironmentACommandRunsInIsKept() throws IOException {
        files.file(root.resolve("0.1.0/venv-a/bin/python")).file(root.resolve("0.1.0/venv-b/bin/python"))
                .file(root.resolve("0.1.1/venv-c/bin/python"));
        runtime.leases().usedElsewhere(root.resolve("0.1.0/venv-b"));

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "a command runs in it"));
        assertThat(result.stale()).containsExactly(root.resolve("0.1.1"));
        assertThat(names(root)).containsExactly("0.1.0");
        assertThat(files.exists(root.resolve("0.1.0/venv-a/bin/python"))).isTrue();
    }

    @Test
    void aVersionWhoseDaemonRunsIsKeptEvenWhenItsRecordIsDamaged() throws IOException {
        files.directory(root.resolve("0.1.0"));
        runtime.daemonHost().runDaemon(layout.versionDir("0.1.0").resolve("venv-a/bin/ktx-daemon"), "t", FeatureSet.core(),
                FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().putInvalidState(layout.daemonStatePath("0.1.0"), "Unexpected end-of-input");

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "daemon running"));
        assertThat(names(root)).containsExactly("0.1.0");
    }

    @Test
    void aDryRunListsWhatWouldGoAndDeletesNothing() throws IOException {
        files.directory(root.resolve("0.1.0")).directory(root.resolve("0.1.1-rc.1")).directory(root.resolve("0.2.0"));

        PruneResult result = prune(true);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.stale()).containsExactly(root.resolve("0.1.0"), root.resolve("0.1.1-rc.1"));
        assertThat(names(root)).containsExactly("0.1.0", "0.1.1-rc.1", "0.2.0");
        assertThat(files.deleted()).isEmpty();
    }

    @Test
    void filesAndOtherNamesAreNeverTouched() throws IOException {
        files.file(root.resolve("0.0.9"), "a file named like a version")
                .directory(root.resolve("latest"))
                .directory(root.resolve("cache/0.1.0"))
                .file(layout.lockPath("0.1.0"));

        PruneResult result = prune(false);

        assertThat(result.nothingToDo()).isTrue();
        assertThat(result.runtimeRoot()).isEqualTo(root);
        assertThat(files.deleted()).isEmpty();
        assertThat(files.exists(root.resolve("cache/0.1.0"))).isTrue();
        assertThat(files.exists(layout.lockPath("0.1.0"))).isTrue();
    }

    @Test
    void aVersionNamedSymbolicLinkIsKeptAndItsTargetUntouched() throws IOException {
        Path target = Path.of("/home/alex/important");
        files.file(target.resolve("data.txt")).symlink(root.resolve("0.1.0"), target);

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "symbolic link, not followed"));
        assertThat(result.stale()).isEmpty();
        assertThat(files.typeOf(root.resolve("0.1.0"))).isEqualTo(RuntimeFiles.EntryType.SYMBOLIC_LINK);
        assertThat(files.exists(target.resolve("data.txt"))).isTrue();
    }

    @Test
    void aVersionWhoseLockIsHeldIsKeptAsInstallInProgress() throws IOException {
        files.file(root.resolve("0.1.0/manifest.json")).directory(root.resolve("0.0.5"));
        runtime.lock().heldElsewhere(layout.lockPath("0.1.0"));

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "install in progress"));
        assertThat(result.stale()).containsExactly(root.resolve("0.0.5"));
        assertThat(files.exists(root.resolve("0.1.0/manifest.json"))).isTrue();
    }

    @Test
    void eachVersionIsRemovedUnderItsOwnLock() throws IOException {
        files.directory(root.resolve("0.1.0"));
        List<Boolean> heldDuringDelete = new ArrayList<>();
        files.beforeDelete(path -> heldDuringDelete.add(runtime.lock().isHeld(layout.lockPath("0.1.0"))));

        prune(false);

        assertThat(heldDuringDelete).containsExactly(true);
        assertThat(runtime.lock().acquisitions())
                .containsExactly(new FakeRuntimeLock.Acquisition(layout.lockPath("0.1.0"), "prune", false));
        assertThat(runtime.lock().holdsAny()).isFalse();
    }

    @Test
    void aDirectorySwappedForALinkBeforeTheLockIsTakenIsKept() throws IOException {
        Path target = Path.of("/home/alex/important");
        files.file(target.resolve("data.txt")).directory(root.resolve("0.1.0"));
        runtime.lock().whenAcquired(lock -> files.symlink(root.resolve("0.1.0"), target));

        PruneResult result = prune(false);

        assertThat(result.kept()).containsExactly(new PruneResult.Kept(root.resolve("0.1.0"), "changed while pruning"));
        assertThat(files.exists(target.resolve("data.txt"))).isTrue();
        assertThat(files.typeOf(root.resolve("0.1.0"))).isEqualTo(RuntimeFiles.EntryType.SYMBOLIC_LINK);
    }

    @Test
    void aVersionThatCannotBeRemovedIsRecordedAndTheOthersStillGo() throws IOException {
        files.directory(root.resolve("0.0.5")).directory(root.resolve("0.1.0"));
        files.failDeleting(root.resolve("0.0.5"), new AccessDeniedException(root.resolve("0.0.5").toString()));

        PruneResult result = prune(false);

        assertThat(result.failed()).containsExactly(
                new PruneResult.Failed(root.resolve("0.0.5"), "AccessDeniedException: " + root.resolve("0.0.5")));
        assertThat(result.stale()).containsExactly(root.resolve("0.1.0"));
        assertThat(runtime.lock().holdsAny()).isFalse();
    }

    @Test
    void aMissingRootIsNothingToDo() throws IOException {
        PruneResult result = prune(false);

        assertThat(result.nothingToDo()).isTrue();
        assertThat(result.runtimeRoot()).isEqualTo(root);
    }

    /** Versions are pruned in parallel; what is reported still follows the root's listing. */
    @Test
    void manyVersionsAreAllRemovedAndReportedInListingOrder() throws IOException {
        List<Path> versions = new ArrayList<>();
        for (int minor = 0; minor < 60; minor++) {
            Path version = root.resolve("0.0." + minor);
            files.file(version.resolve("venv-a/bin/python"));
            versions.add(version);
        }
        files.failDeleting(root.resolve("0.0.7"), new AccessDeniedException(root.resolve("0.0.7").toString()));
        List<Path> listed = files.list(root).stream().map(RuntimeFiles.Entry::path).toList();

        PruneResult result = prune(false);

        assertThat(result.stale()).containsExactlyElementsOf(listed.stream().filter(path -> !path.endsWith("0.0.7")).toList());
        assertThat(result.failed()).extracting(PruneResult.Failed::path).containsExactly(root.resolve("0.0.7"));
        assertThat(names(root)).containsExactly("0.0.7");
        assertThat(runtime.lock().holdsAny()).isFalse();
    }

    private PruneResult prune(boolean dryRun) throws IOException {
        return runtime.pruneService().prune(new PruneRequest(dryRun));
    }

    private List<String> names(Path directory) throws IOException {
        return files.list(directory).stream().map(RuntimeFiles.Entry::name).toList();
    }
}
