package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start, in three steps. The version's lock (the one install takes) is held while the daemon is judged,
 * cleared or spawned, and released while the runtime is ensured, because ensuring may install and
 * install takes the same lock:
 * <ol>
 *   <li>under the lock: reuse a healthy daemon that covers the request, else stop a verified one and
 *       remove the state (a stale state is removed without signalling anyone);</li>
 *   <li>without it: ensure the runtime, with the user's install consent;</li>
 *   <li>under the lock again: if a concurrent start has meanwhile started a fitting daemon, reuse it;
 *       otherwise spawn one from the runtime that is committed now.</li>
 * </ol>
 * Install refuses to replace an environment while its daemon runs, and a daemon is only spawned under
 * the lock, so a daemon never runs from an environment that install is about to remove.
 *
 * <p>A healthy daemon serving another embedding model than the one asked for ({@code --model}, else
 * {@code KTX_EMBEDDING_MODEL}) is replaced like one lacking a feature; when neither names a model, the
 * daemon's model is whatever it serves.
 */
public final class StartDaemonService implements StartDaemonUseCase {

    private final RuntimeLayout layout;
    private final RuntimeInspector runtimes;
    private final RuntimeAssets assets;
    private final EnsureRuntimeUseCase ensure;
    private final RuntimeLock lock;
    private final DaemonInspector daemons;
    private final DaemonFiles files;
    private final DaemonClient client;
    private final DaemonStopper stopper;
    private final DaemonLauncher launcher;
    private final HostEnvironment host;

    public StartDaemonService(RuntimeLayout layout, RuntimeInspector runtimes, RuntimeAssets assets,
            EnsureRuntimeUseCase ensure, RuntimeLock lock, DaemonInspector daemons, DaemonFiles files,
            DaemonProcesses processes, DaemonClient client, Clock clock, DaemonTimeouts timeouts, HostEnvironment host) {
        this.host = host;
        this.layout = layout;
        this.runtimes = runtimes;
        this.assets = assets;
        this.ensure = ensure;
        this.lock = lock;
        this.daemons = daemons;
        this.files = files;
        this.client = client;
        this.stopper = new DaemonStopper(processes, client, timeouts);
        this.launcher = new DaemonLauncher(layout, files, processes, client, stopper, clock, timeouts);
    }

    @Override
    public StartResult start(StartRequest request) throws IOException, InterruptedException {
        FeatureSet wanted = request.features();
        Optional<String> model = EmbeddingModelSetting.asked(request.model(), host);
        try (RuntimeLock.Handle held = acquire(request)) {
            DaemonState state = daemons.inspect();
            RuntimeStatus runtime = runtime();
            Optional<DaemonRecord> healthy = reusable(state, runtime, wanted, model);
            if (healthy.isPresent() && !request.force()) {
                return new StartResult.Reused(healthy.get(), state.statePath());
            }
            if (state instanceof DaemonState.Running running && !request.force() && !covers(runtime, wanted)) {
                // Ensuring would reinstall the runtime under a daemon that is fine for what it was started
                // for; whether to give it up is the user's call, as with install.
                return new StartResult.DaemonInTheWay(running.daemon(), needs(runtime, wanted));
            }
            Optional<StartResult> blocked = clear(state);
            if (blocked.isPresent()) {
                return blocked.get();
            }
        }

        EnsureResult ensured = ensure.ensure(new EnsureRequest(wanted, request.consent(), request.confirmation(), request.observer()));
        if (!(ensured instanceof EnsureResult.Ready)) {
            return new StartResult.RuntimeUnavailable(ensured);
        }

        try (RuntimeLock.Handle held = acquire(request)) {
            RuntimeStatus runtime = runtime();
            if (!covers(runtime, wanted)) {
                return new StartResult.RuntimeChanged(runtime);
            }
            DaemonState state = daemons.inspect();
            Optional<DaemonRecord> started = reusable(state, runtime, wanted, model);
            if (started.isPresent()) {
                // Another start got here first.
                return new StartResult.Reused(started.get(), state.statePath());
            }
            Optional<StartResult> blocked = clear(state);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            return launcher.launch(runtime.manifest().orElseThrow(), wanted, model);
        }
    }

    private RuntimeLock.Handle acquire(StartRequest request) throws IOException, InterruptedException {
        return lock.acquire(layout.lockPath(), "daemon start",
                holder -> request.observer().waitingForLock(layout.lockPath(), holder));
    }

    private RuntimeStatus runtime() {
        return runtimes.inspect(assets.readManifest());
    }

    private static boolean covers(RuntimeStatus runtime, FeatureSet wanted) {
        return runtime instanceof RuntimeStatus.Ready ready && ready.installed().features().covers(wanted);
    }

    private static String needs(RuntimeStatus runtime, FeatureSet wanted) {
        if (runtime instanceof RuntimeStatus.Ready ready) {
            return "it has the features " + ready.installed().features() + "; requested: " + wanted;
        }
        return "it is " + runtime.kind().id() + ": " + runtime.detail();
    }

    /**
     * The running daemon if it answers with its token, runs from the committed environment, is of the
     * runtime's version, offers every requested feature and serves the model asked for, if any.
     */
    private Optional<DaemonRecord> reusable(DaemonState state, RuntimeStatus runtime, FeatureSet wanted,
            Optional<String> model) throws InterruptedException {
        if (!(state instanceof DaemonState.Running running) || !(runtime instanceof RuntimeStatus.Ready ready)) {
            return Optional.empty();
        }
        DaemonRecord daemon = running.daemon();
        InstalledManifest manifest = ready.installed();
        if (!daemon.executable().equals(manifest.python().daemonExecutable())) {
            return Optional.empty();
        }
        DaemonClient.Health health = client.health(daemon.endpoint());
        boolean fits = health instanceof DaemonClient.Healthy healthy
                && healthy.version().equals(manifest.asset().version())
                && healthy.features().covers(wanted)
                && healthy.serves(model);
        return fits ? Optional.of(daemon) : Optional.empty();
    }

    /**
     * Makes way for a new daemon: a running one is stopped (it was just verified as ours, and the stopper
     * checks again before each signal), then the state goes. A stale state is only removed: whatever
     * process now has its pid is not ours to signal. Daemons of this runtime that no valid record names
     * are stopped too: their token is lost, so nothing can use them, and nothing would ever record them.
     */
    private Optional<StartResult> clear(DaemonState state) throws IOException, InterruptedException {
        if (state instanceof DaemonState.Stopped) {
            return Optional.empty();
        }
        if (state instanceof DaemonState.Running running) {
            DaemonRecord daemon = running.daemon();
            Optional<ProcessSnapshot> process = daemons.ourProcess(daemon);
            if (process.isPresent() && stopper.stop(process.get(), Optional.of(daemon.endpoint())).isEmpty()) {
                return Optional.of(new StartResult.Failed("Could not stop the previous KTX daemon (pid " + daemon.pid()
                        + ")", daemon.log(), files.tail(daemon.log(), DaemonLauncher.LOG_TAIL_LINES)));
            }
        }
        if (state instanceof DaemonState.Unrecorded unrecorded) {
            List<StopResult.Failed> failed = new ArrayList<>();
            stopper.stopUnrecorded(unrecorded.processes(), new ArrayList<>(), failed);
            if (!failed.isEmpty()) {
                StopResult.Failed first = failed.get(0);
                return Optional.of(new StartResult.Failed("Could not stop the KTX daemon (pid " + first.pid()
                        + ") that runs from this runtime unrecorded: " + first.reason(), layout.daemonLogPath(), List.of()));
            }
        }
        daemons.forget();
        return Optional.empty();
    }
}
