package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.ProcessWaits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real daemons from the real distribution. One runtime is installed for the class and RUNTIME.dir(); whatever
 * daemon a test leaves (even when it fails) is ended after it, found by the RUNTIME.root() in its command line.
 */
class DaemonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final InstalledRuntime RUNTIME = new InstalledRuntime();

    @TempDir
    Path dir;

    private final List<Process> helpers = new ArrayList<>();

    @AfterEach
    void endDaemonsAndHelpers() throws Exception {
        helpers.forEach(Process::destroyForcibly);
        RUNTIME.endDaemons();
        Daemons.endAllUnder(dir);
        Files.deleteIfExists(statePath());
    }

    private static Path statePath() {
        return RUNTIME.root().resolve(Distribution.version().value()).resolve("daemon.json");
    }

    private static long pid(KtxRun.Result result) {
        return Long.parseLong(result.line("pid: "));
    }

    @Test
    void startsAnAuthenticatedLoopbackDaemonReusesItAndStopsIt() throws Exception {
        var started = RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds();
        assertThat(started.out()).startsWith("Started KTX daemon\n");
        long pid = pid(started);
        JsonNode state = Daemons.state(statePath());
        String token = state.get("token").asText();
        int port = state.get("port").asInt();
        assertThat(started.line("url: ")).isEqualTo("http://127.0.0.1:" + port);
        assertThat(started.line("state: ")).isEqualTo(statePath().toString());
        assertThat(started.out() + started.err()).doesNotContain(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(statePath()))).isEqualTo("rw-------");

        var healthy = Daemons.health(port, token);
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(JSON.readTree(healthy.body()).get("status").asText()).isEqualTo("healthy");
        assertThat(Daemons.health(port, null).status()).isEqualTo(401);
        assertThat(Daemons.health(port, token + "x").status()).isEqualTo(401);
        assertThat(Daemons.listeningAddresses(port)).containsExactly("127.0.0.1");

        var reused = RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds();
        assertThat(reused.out()).startsWith("Using existing KTX daemon\n");
        assertThat(pid(reused)).isEqualTo(pid);

        var stopped = RUNTIME.ktx().run("runtime", "stop").succeeds();
        assertThat(stopped.out()).isEqualTo("Stopped KTX daemon\npid: " + pid + "\n");
        assertThat(ProcessWaits.awaitEnded(pid, Duration.ofSeconds(5))).isTrue();
        assertThat(statePath()).doesNotExist();
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("daemon state: ")).isEqualTo("stopped");
        assertThat(RUNTIME.ktx().run("runtime", "stop").succeeds().out()).isEqualTo("KTX daemon already stopped\n");
    }

    @Test
    void aKilledDaemonIsStaleAndStartReplacesIt() throws Exception {
        long killed = pid(RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds());
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        assertThat(ProcessWaits.awaitEnded(killed, Duration.ofSeconds(5))).isTrue();

        var status = RUNTIME.ktx().run("runtime", "status").succeeds();
        assertThat(status.line("daemon state: ")).isEqualTo("stale");
        assertThat(status.line("daemon detail: ")).isEqualTo("The KTX daemon's process " + killed + " is gone");
        JsonNode json = JSON.readTree(RUNTIME.ktx().run("runtime", "status", "--json").succeeds().out());
        assertThat(json.at("/daemon/state").asText()).isEqualTo("stale");
        assertThat(json.at("/daemon/pid").asLong()).isEqualTo(killed);
        assertThat(RUNTIME.ktx().run("runtime", "doctor").succeeds().out()).contains("WARN KTX daemon: The KTX daemon's process " + killed + " is gone");

        var repaired = RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds();

        assertThat(repaired.out()).startsWith("Started KTX daemon\n");
        long replacement = pid(repaired);
        assertThat(replacement).isNotEqualTo(killed);
        assertThat(Daemons.isRunning(replacement)).isTrue();
        assertThat(RUNTIME.ktx().run("runtime", "doctor").succeeds().out()).contains("PASS KTX daemon: Running at ");
    }

    @Test
    void stateNamingAnUnrelatedProcessNeverGetsItSignalled() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "300").start();
        helpers.add(sleep);
        Files.writeString(statePath(), stateNaming(sleep));

        var stop = RUNTIME.ktx().run("runtime", "stop").succeeds();

        assertThat(stop.out()).isEqualTo("KTX daemon already stopped\nremoved stale state: " + statePath() + "\n"
                + "reason: Process " + sleep.pid() + " is no longer the KTX daemon (its pid was reused)\n");
        assertThat(sleep.isAlive()).isTrue();

        Files.writeString(statePath(), stateNaming(sleep));
        var start = RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds();

        assertThat(start.out()).startsWith("Started KTX daemon\n");
        assertThat(sleep.isAlive()).isTrue();
        assertThat(Daemons.state(statePath()).get("pid").asLong()).isEqualTo(pid(start)).isNotEqualTo(sleep.pid());
    }

    /** A daemon.json that names {@code process} with its true start instant: only its command line gives it away. */
    private static String stateNaming(Process process) {
        String start = process.toHandle().info().startInstant().orElseThrow().toString();
        return "{\"schemaVersion\": 1, \"pid\": " + process.pid() + ", \"host\": \"127.0.0.1\", \"port\": 9,"
                + " \"token\": \"t\", \"version\": \"0.1.0\", \"features\": [\"core\"], \"startedAt\": \"" + start + "\","
                + " \"processStart\": \"" + start + "\", \"log\": \"/tmp/x.log\", \"executable\": \"/tmp/ktx-daemon\"}";
    }

    @Test
    void fourConcurrentStartsOnAnEmptyRootInstallOnceAndLeaveOneDaemon() throws Exception {
        Path fresh = dir.resolve("root");
        KtxRun concurrent = KtxRun.against(fresh);
        List<KtxRun.Started> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(concurrent.start("runtime", "start", "--yes"));
        }
        List<KtxRun.Result> results = new ArrayList<>();
        for (KtxRun.Started start : starts) {
            results.add(start.finish().succeeds());
        }

        assertThat(results).filteredOn(result -> result.out().startsWith("Started KTX daemon")).hasSize(1);
        assertThat(results).filteredOn(result -> result.out().startsWith("Using existing KTX daemon")).hasSize(3);
        assertThat(results).extracting(DaemonIT::pid).containsOnly(pid(results.get(0)));
        assertThat(Daemons.daemonsUnder(fresh)).extracting(ProcessHandle::pid).containsExactly(pid(results.get(0)));
        try (var entries = Files.list(fresh.resolve(Distribution.version().value()))) {
            assertThat(entries.filter(path -> path.getFileName().toString().startsWith("venv-"))).hasSize(1);
        }
        concurrent.run("runtime", "stop").succeeds();
    }

    @Test
    void stopAllFindsADaemonWhoseStateWasDeleted() throws Exception {
        // --all ends every ktx-daemon of this user, by contract; never those of another test run on this machine.
        Assumptions.assumeTrue(Daemons.daemonsElsewhere(RUNTIME.dir()).isEmpty(),
                "other ktx daemons of this user are running; stop --all would end them too");
        long orphan = pid(RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds());
        Files.delete(statePath());

        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("daemon state: ")).isEqualTo("stopped");
        assertThat(RUNTIME.ktx().run("runtime", "stop").succeeds().out()).isEqualTo("KTX daemon already stopped\n");
        assertThat(Daemons.isRunning(orphan)).isTrue();

        var all = RUNTIME.ktx().run("runtime", "stop", "--all").succeeds();

        assertThat(all.out()).contains("Stopped KTX daemon\n", "pid: " + orphan + "\n", "failed: 0\n");
        assertThat(ProcessWaits.awaitEnded(orphan, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void reinstallIsRefusedUnderARunningDaemonAndPruneKeepsAVersionWhoseDaemonRuns() throws Exception {
        var started = RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds();
        String python = RUNTIME.ktx().run("runtime", "status").succeeds().line("python: ");

        var refused = RUNTIME.ktx().run("runtime", "install", "--force").exits(1);

        assertThat(refused.problem()).isEqualTo("The KTX daemon (pid " + pid(started) + ") runs from this runtime, which a"
                + " reinstall would remove. Stop it first: ktx runtime stop\n");
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("python: ")).isEqualTo(python);
        assertThat(Daemons.isRunning(pid(started))).isTrue();

        // Another version's directory whose daemon.json names this live daemon.
        Path older = Files.createDirectories(RUNTIME.root().resolve("0.0.1"));
        Files.copy(statePath(), older.resolve("daemon.json"));
        try {
            var pruned = RUNTIME.ktx().run("runtime", "prune", "--yes").succeeds();
            assertThat(pruned.out()).contains("kept " + older + " (daemon running)");
            assertThat(older).isDirectory();
        } finally {
            RUNTIME.ktx().run("runtime", "stop").succeeds();
        }
        assertThat(RUNTIME.ktx().run("runtime", "prune", "--yes").succeeds().out()).contains(older.toString());
        assertThat(older).doesNotExist();
    }

    @Test
    void statusLoadsNeitherZtExecNorAnHttpClientAndStartsNoProcess() throws Exception {
        Path classes = dir.resolve("classes.log");

        RUNTIME.ktx().env("KTX_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes).run("runtime", "status").succeeds();
        RUNTIME.ktx().env("KTX_JAVA_OPTS", null);

        String loaded = Files.readString(classes);
        assertThat(loaded).contains("ai.kaelio.ktx.adapters.process.ProcessHandleDaemonProcesses")
                .doesNotContain("org.zeroturnaround")
                .doesNotContain("java.lang.ProcessImpl ")
                .doesNotContain("sun.net.www.protocol.http.HttpURLConnection ")
                .doesNotContain("java.net.http.");
    }
}
