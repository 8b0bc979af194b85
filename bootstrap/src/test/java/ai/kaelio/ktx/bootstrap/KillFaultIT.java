package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 at points spread over an install: never a false "ready", always a recovery. */
class KillFaultIT {

    /** Spread over a fresh install here (about 1.3 s): JVM start, verify, lock, venv, pip, commit, exit. */
    private static final List<Integer> KILL_AFTER_MILLIS = List.of(80, 250, 400, 550, 700, 850, 1000, 1200, 1500);

    @TempDir
    Path dir;

    @Test
    void freshInstallKilledAnywhereIsNeverReadyUnlessItRunsAndTheNextInstallRecovers() throws Exception {
        FaultTally tally = new FaultTally("kill-9-fresh-install");
        for (int point : KILL_AFTER_MILLIS) {
            KtxRun ktx = KtxRun.against(dir.resolve("fresh-" + point));
            KtxRun.Started install = ktx.startInNewSession("runtime", "install");
            Thread.sleep(point);
            Faults.killGroup(install.process().pid());
            install.process().waitFor();

            String phase = phaseOf(dir.resolve("fresh-" + point));
            String after = Faults.honestStatus(ktx);
            ktx.run("runtime", "install").succeeds();
            Faults.assertReadyAndRuns(ktx);
            tally.record("killed " + phase + ": then " + after + ", recovered");
        }
        tally.publish();
    }

    @Test
    void forcedReinstallKilledAnywhereLeavesAReadyRuntimeThatRuns() throws Exception {
        FaultTally tally = new FaultTally("kill-9-force-reinstall");
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();
        Path installLog = dir.resolve("root").resolve(Distribution.version().value()).resolve("install.log");
        for (int point : KILL_AFTER_MILLIS.subList(1, KILL_AFTER_MILLIS.size())) {
            String pythonBefore = Faults.status(ktx).at("/layout/pythonPath").asText();
            String logBefore = java.nio.file.Files.readString(installLog);
            KtxRun.Started install = ktx.startInNewSession("runtime", "install", "--force");
            Thread.sleep(point);
            Faults.killGroup(install.process().pid());
            install.process().waitFor();

            String phase = phaseOf(dir.resolve("root"));
            Faults.assertReadyAndRuns(ktx);
            if (Faults.status(ktx).at("/layout/pythonPath").asText().equals(pythonBefore)) {
                assertThat(installLog).as("the runtime in use keeps its log").hasContent(logBefore);
            }
            tally.record("killed " + phase + ": still ready and runs");
        }
        tally.publish();
    }

    @Test
    void anOrphanedPipCannotCorruptTheNextInstall() throws Exception {
        FaultTally tally = new FaultTally("orphaned-pip");
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        // numpy makes pip run long enough to be caught mid-install.
        KtxRun.Started install = ktx.start("runtime", "install", "--feature", "local-embeddings");
        ProcessHandle pip = awaitDescendant(install.process().toHandle(), "pip", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("pip never started"));

        Faults.kill(install.process().pid());
        install.process().waitFor();
        assertThat(pip.isAlive()).as("pip outlives the killed JVM").isTrue();

        var next = ktx.run("runtime", "install").succeeds();
        assertThat(next.line("features: ")).isEqualTo("core");
        Faults.assertReadyAndRuns(ktx);
        pip.onExit().get();
        Faults.assertReadyAndRuns(ktx);
        tally.record("JVM killed while pip ran; next install ready and runs, also after the orphan finished");
        tally.publish();
    }

    /** Where the install was when killed, from the last command the newest log shows (its attempt's own, or install.log once committed). */
    private static String phaseOf(Path root) throws java.io.IOException {
        Optional<Path> newest;
        try (var entries = java.nio.file.Files.list(root.resolve(Distribution.version().value()))) {
            newest = entries.filter(path -> path.getFileName().toString().matches("install(-.+)?\\.log"))
                    .max(java.util.Comparator.comparing(KillFaultIT::modified));
        } catch (java.nio.file.NoSuchFileException e) {
            newest = Optional.empty();
        }
        if (newest.isEmpty()) {
            return "before provisioning";
        }
        Path log = newest.get();
        String text = java.nio.file.Files.readString(log);
        List<String> commands = text.lines().filter(line -> line.startsWith("$ ")).toList();
        if (commands.isEmpty()) {
            return "before the first command";
        }
        String last = commands.get(commands.size() - 1);
        boolean finished = text.strip().substring(text.strip().lastIndexOf('\n') + 1).startsWith("# exit 0 ");
        if (last.endsWith("/ktx-daemon --version")) {
            return finished ? "after checking the daemon's launcher" : "while checking the daemon's launcher";
        }
        if (last.contains(" install ")) {
            return finished ? "after installing packages" : "while installing packages";
        }
        return last.contains(" -m venv") ? "while creating the environment" : "while probing the interpreter";
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return java.nio.file.Files.getLastModifiedTime(path);
        } catch (java.io.IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static Optional<ProcessHandle> awaitDescendant(ProcessHandle parent, String name, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessHandle> match = parent.descendants()
                    // "python -m pip …", or the venv's python running pip's own "__pip-runner__.py".
                    .filter(child -> child.info().commandLine()
                            .map(line -> line.contains(" -m " + name + " ") || line.contains("/" + name + "/__pip-runner__.py "))
                            .orElse(false))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }
}
