package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.ServedModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts one daemon from an installed runtime and sees it through to healthy: a fresh token, a detached
 * process bound by the daemon itself to a port of the system's choosing on 127.0.0.1, the ready file,
 * an authenticated health answer, and only then {@code daemon.json}, written last. Whatever goes wrong
 * on the way ends the new process (it is ours: we just spawned it) and quotes the end of its log. From
 * before the spawn until the record is written (or the process ended) the start's marker is there, so
 * there is no moment at which a daemon runs that neither file reveals.
 */
final class DaemonLauncher {

    static final String HOST = "127.0.0.1";
    static final int LOG_TAIL_LINES = 20;

    private final RuntimeLayout layout;
    private final DaemonFiles files;
    private final DaemonProcesses processes;
    private final DaemonClient client;
    private final DaemonStopper stopper;
    private final Clock clock;
    private final DaemonTimeouts timeouts;
    private final DaemonTokens tokens = new DaemonTokens();

    DaemonLauncher(RuntimeLayout layout, DaemonFiles files, DaemonProcesses processes, DaemonClient client,
            DaemonStopper stopper, Clock clock, DaemonTimeouts timeouts) {
        this.layout = layout;
        this.files = files;
        this.processes = processes;
        this.client = client;
        this.stopper = stopper;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    StartResult launch(InstalledManifest manifest, FeatureSet wanted, Optional<String> model)
            throws IOException, InterruptedException {
        files.prepareRun(layout.daemonDir(), layout.daemonReadyPath(), layout.daemonLogPath());
        String token = tokens.next();
        List<String> arguments = new ArrayList<>(List.of("serve-http",
                "--ready-file", layout.daemonReadyPath().toString(),
                "--host", HOST,
                "--port", "0",
                "--log-file", layout.daemonLogPath().toString()));
        model.ifPresent(name -> arguments.addAll(List.of("--model", name)));
        // Before the spawn: the daemon is recorded only once it answers, and a kill -9 of ktx meanwhile runs
        // no clean-up. With this marker left behind, status, stop, start and install look for the daemon
        // among the processes instead of taking the missing record for "nothing runs". It names this ktx, so
        // once this ktx is gone, a marker without a daemon is known to be left over rather than a start under way.
        files.markStarting(layout.daemonStartingPath(), DaemonFiles.StartMarker.by(processes.current()));
        Optional<ProcessSnapshot> child = Optional.empty();
        Attempt attempt = null;
        boolean settled = false;
        try {
            child = Optional.of(processes.spawn(new DaemonProcesses.Launch(manifest.python().executable(),
                    manifest.python().daemonExecutable(), arguments, layout.daemonLogPath(), token)));
            attempt = await(child.get(), token, manifest, wanted, model);
            if (attempt instanceof Up up) {
                files.writeState(layout.daemonStatePath(), up.record());
                processes.release(child.get());
                settled = true;
            }
        } finally {
            if (!settled) {
                // Failed, interrupted or broken: a daemon that nothing records must not be left running.
                settled = child.isEmpty() || stopper.end(child.get());
            }
            // A daemon that outlived even SIGKILL keeps the marker, which keeps it in sight.
            if (settled) {
                files.unmarkStarting(layout.daemonStartingPath());
            }
        }
        if (attempt instanceof Up up) {
            return new StartResult.Started(up.record(), layout.daemonStatePath());
        }
        return failed(((Down) attempt).reason());
    }

    private Attempt await(ProcessSnapshot child, String token, InstalledManifest manifest, FeatureSet wanted,
            Optional<String> model) throws InterruptedException {
        long deadline = System.nanoTime() + timeouts.ready().toNanos();
        Optional<DaemonFiles.ReadyFile> ready = Optional.empty();
        while (ready.isEmpty()) {
            ready = files.readReady(layout.daemonReadyPath()).filter(file -> file.pid() == child.pid());
            if (ready.isEmpty()) {
                Optional<Down> down = wait(child, deadline, "did not say it was ready");
                if (down.isPresent()) {
                    return down.get();
                }
            }
        }
        DaemonEndpoint endpoint;
        try {
            endpoint = new DaemonEndpoint(ready.get().host(), ready.get().port(), token);
        } catch (IllegalArgumentException e) {
            return new Down("The KTX daemon announced an unusable address: " + e.getMessage());
        }
        while (true) {
            DaemonClient.Health health = client.health(endpoint);
            if (health instanceof DaemonClient.Healthy healthy) {
                return checked(child, endpoint, healthy, manifest, wanted, model);
            }
            if (health instanceof DaemonClient.Unauthorized) {
                return new Down("The KTX daemon at " + endpoint.url() + " refused the token it was started with");
            }
            if (!(health instanceof DaemonClient.Unanswered unanswered)) {
                throw new AssertionError(health);
            }
            Optional<Down> down = wait(child, deadline, "did not answer its health check (" + unanswered.reason() + ")");
            if (down.isPresent()) {
                return down.get();
            }
        }
    }

    /** Empty after a pause if the child is still coming up; otherwise why it is not. */
    private Optional<Down> wait(ProcessSnapshot child, long deadline, String what) throws InterruptedException {
        if (processes.awaitExit(child, Duration.ZERO)) {
            return Optional.of(new Down("The KTX daemon exited before it was ready"));
        }
        if (System.nanoTime() - deadline > 0) {
            return Optional.of(new Down("The KTX daemon " + what + " within " + timeouts.ready().toSeconds() + " s"));
        }
        Thread.sleep(timeouts.poll().toMillis());
        return Optional.empty();
    }

    private Attempt checked(ProcessSnapshot child, DaemonEndpoint endpoint, DaemonClient.Healthy healthy,
            InstalledManifest manifest, FeatureSet wanted, Optional<String> model) {
        String expected = manifest.asset().version();
        if (!healthy.version().equals(expected)) {
            return new Down("The KTX daemon reports version " + healthy.version() + ", the runtime holds " + expected);
        }
        if (!healthy.features().covers(wanted)) {
            return new Down("The KTX daemon offers the features " + healthy.features() + "; requested: " + wanted
                    + ". The runtime's packages for the rest do not load");
        }
        Optional<String> served = healthy.model().map(ServedModel::name);
        if (!healthy.serves(model)) {
            return new Down("The KTX daemon serves the model " + served.orElse("(none)") + "; requested: " + model.orElseThrow());
        }
        // Identity as the system tells it now, after the launcher became the daemon.
        Optional<ProcessSnapshot> process = processes.find(child.pid())
                .filter(found -> found.isSameProcessAs(child) && found.isKtxDaemon());
        if (process.isEmpty() || process.get().startedAt().isEmpty()) {
            return new Down("The KTX daemon's process " + child.pid() + " cannot be identified");
        }
        return new Up(new DaemonRecord(child.pid(), endpoint, healthy.version(), healthy.features(), clock.instant(),
                process.get().startedAt().get(), layout.daemonLogPath(), manifest.python().daemonExecutable(),
                process.get().kernelStart(), served));
    }

    private StartResult failed(String reason) {
        return new StartResult.Failed(reason, layout.daemonLogPath(), files.tail(layout.daemonLogPath(), LOG_TAIL_LINES));
    }

    private sealed interface Attempt {
    }

    private record Up(DaemonRecord record) implements Attempt {
    }

    private record Down(String reason) implements Attempt {
    }
}
