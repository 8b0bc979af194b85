package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A process table and the daemons in it, behind the ports that reach them: processes (find, spawn,
 * signal), the HTTP client and the embeddings API. Every signal attempt and shutdown request is recorded,
 * so a test can prove that a process was never touched. A signal takes effect only if pid and start
 * instant still match.
 *
 * <p>A daemon with {@code local-embeddings} serves the model of its {@code --model} argument, else the
 * default; a model whose name starts with {@code missing/} cannot be loaded. Its vectors are
 * {@code [length of the text, index of the request that computed it]}.
 */
public final class FakeDaemonHost implements DaemonProcesses, DaemonClient, Embeddings {

    public static final String UNLOADABLE_MODEL_PREFIX = "missing/";

    public static final String USER = "alex";
    static final Instant BOOT = Instant.parse("2026-03-01T08:00:00Z");
    /** The ktx process under test, which {@link #current} returns; alive throughout and never in a listing. */
    public static final ProcessSnapshot KTX = new ProcessSnapshot(100, Optional.of(BOOT.plusSeconds(60)),
            List.of("/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main"), Optional.of(USER), kernelStart(6000));
    private static final String BOOT_ID = "0b5e3c1a-9f7d-4c2e-8a61-3d2f4b6c8e90";

    /** What a spawned daemon does. */
    public enum Behaviour { HEALTHY, EXITS_AT_ONCE, NEVER_READY, NEVER_ANSWERS, WITHOUT_NUMPY }

    /** How a process reacts to being asked to stop. */
    public enum Stubbornness { NONE, IGNORES_SHUTDOWN, IGNORES_TERM, IGNORES_KILL }

    private final InMemoryDaemonFiles files;
    private final Map<Long, Proc> table = new LinkedHashMap<>();
    private final List<String> signals = new ArrayList<>();
    private final List<Launch> launches = new ArrayList<>();
    private final List<Long> released = new ArrayList<>();
    private final List<Long> spawned = new ArrayList<>();
    private long nextPid = 4000;
    private int nextPort = 41000;
    private Behaviour behaviour = Behaviour.HEALTHY;
    private Stubbornness spawnedStubbornness = Stubbornness.NONE;
    private String version = "0.1.0";
    private Consumer<ProcessSnapshot> whileComingUp = process -> { };
    private int listings;
    private boolean showsCommandLines = true;
    private Duration clockStep = Duration.ZERO;
    private final List<Integer> embedRequests = new ArrayList<>();
    private int dieAfterEmbedRequests = Integer.MAX_VALUE;

    public FakeDaemonHost(InMemoryDaemonFiles files) {
        this.files = files;
    }

    private static final class Proc {
        ProcessSnapshot snapshot;
        boolean alive = true;
        boolean answers = true;
        String token;
        int port;
        String version;
        FeatureSet features = FeatureSet.core();
        Stubbornness stubbornness = Stubbornness.NONE;
        String model = EmbeddingModelSetting.DEFAULT;
        boolean loaded;
    }

    public synchronized FakeDaemonHost spawnedDaemons(Behaviour value) {
        behaviour = value;
        return this;
    }

    public synchronized FakeDaemonHost spawnedDaemonsAre(Stubbornness value) {
        spawnedStubbornness = value;
        return this;
    }

    /** Runs right after a spawn, while the new daemon comes up and before start has recorded it. */
    public synchronized FakeDaemonHost whileComingUp(Consumer<ProcessSnapshot> hook) {
        whileComingUp = hook;
        return this;
    }

    /** How often the whole process table was read. */
    public synchronized int listings() {
        return listings;
    }

    public synchronized FakeDaemonHost daemonVersion(String value) {
        version = value;
        return this;
    }

    /** A process that has nothing to do with ktx, such as {@code sleep 300}. */
    public synchronized ProcessSnapshot runForeign(String user, String... command) {
        return add(user, List.of(command)).snapshot;
    }

    /** A ktx daemon started some other way (another ktx, another root), listening with this token. */
    public synchronized ProcessSnapshot runDaemon(String token, FeatureSet features, Stubbornness stubbornness) {
        return runDaemon(Path.of("/elsewhere/venv/bin/ktx-daemon"), token, features, stubbornness);
    }

    /** A ktx daemon run by {@code launcher}, e.g. one of this runtime's that nothing recorded. */
    public synchronized ProcessSnapshot runDaemon(Path launcher, String token, FeatureSet features, Stubbornness stubbornness) {
        Proc proc = add(USER, List.of("/usr/bin/python3", launcher.toString(), "serve-http"));
        proc.token = token;
        proc.port = nextPort++;
        proc.version = version;
        proc.features = features;
        proc.stubbornness = stubbornness;
        return seenNow(proc.snapshot);
    }

    public synchronized int portOf(long pid) {
        return table.get(pid).port;
    }

    public synchronized void crash(long pid) {
        table.get(pid).alive = false;
    }

    /** The process keeps running but stops answering requests (hung). */
    public synchronized void hang(long pid) {
        table.get(pid).answers = false;
    }

    /** The pid is now someone else's: the old process is gone, a new one with the same pid runs {@code command}. */
    public synchronized ProcessSnapshot reusePid(long pid, String... command) {
        Proc proc = new Proc();
        proc.snapshot = new ProcessSnapshot(pid, Optional.of(BOOT.plusSeconds(3600 + pid)), List.of(command), Optional.of(USER),
                kernelStart(360_000 + pid));
        table.put(pid, proc);
        return seenNow(proc.snapshot);
    }

    public synchronized boolean isAlive(long pid) {
        Proc proc = table.get(pid);
        return proc != null && proc.alive;
    }

    public synchronized List<String> signals() {
        return List.copyOf(signals);
    }

    public synchronized List<String> signalsTo(long pid) {
        return signals.stream().filter(signal -> signal.endsWith(" " + pid)).toList();
    }

    public synchronized List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** The pids of the daemons spawned, in order. */
    public synchronized List<Long> spawned() {
        return List.copyOf(spawned);
    }

    public synchronized List<Long> released() {
        return List.copyOf(released);
    }

    public synchronized List<Long> alivePids() {
        return table.values().stream().filter(proc -> proc.alive).map(proc -> proc.snapshot.pid()).toList();
    }

    private Proc add(String user, List<String> command) {
        long pid = nextPid++;
        Proc proc = new Proc();
        proc.snapshot = new ProcessSnapshot(pid, Optional.of(BOOT.plusMillis(pid)), command, Optional.of(user), kernelStart(pid));
        table.put(pid, proc);
        return proc;
    }

    private Optional<Proc> same(ProcessSnapshot process) {
        Proc proc = table.get(process.pid());
        return proc != null && proc.alive && seenNow(proc.snapshot).isSameProcessAs(process) ? Optional.of(proc) : Optional.empty();
    }

    @Override
    public synchronized Optional<ProcessSnapshot> find(long pid) {
        if (pid == KTX.pid()) {
            return Optional.of(seenNow(KTX));
        }
        Proc proc = table.get(pid);
        return proc != null && proc.alive ? Optional.of(seenNow(proc.snapshot)) : Optional.empty();
    }

    @Override
    public synchronized List<ProcessSnapshot> listOwn() {
        listings++;
        return table.values().stream()
                .filter(proc -> proc.alive && proc.snapshot.user().equals(Optional.of(USER)))
                .map(proc -> seenNow(proc.snapshot))
                .toList();
    }

    @Override
    public synchronized ProcessSnapshot current() {
        return seenNow(KTX);
    }

    @Override
    public synchronized boolean showsCommandLines() {
        return showsCommandLines;
    }

    /**
     * The wall clock was set forward by {@code step} after every process so far started, as NTP or a resumed
     * virtual machine does: start instants seen from now on differ by the step, the kernel's starts do not.
     */
    public synchronized FakeDaemonHost wallClockStepped(Duration step) {
        clockStep = clockStep.plus(step);
        return this;
    }

    private static Optional<String> kernelStart(long ticks) {
        return Optional.of(BOOT_ID + ":" + ticks);
    }

    private ProcessSnapshot seenNow(ProcessSnapshot snapshot) {
        return new ProcessSnapshot(snapshot.pid(), snapshot.startedAt().map(instant -> instant.plus(clockStep)),
                snapshot.command(), snapshot.user(), snapshot.kernelStart());
    }

    /** As on Windows: listings carry no command lines, so no daemon is recognised in them. */
    public synchronized FakeDaemonHost withoutCommandLines() {
        showsCommandLines = false;
        return this;
    }

    @Override
    public synchronized ProcessSnapshot spawn(Launch launch) {
        launches.add(launch);
        List<String> command = new ArrayList<>(List.of(launch.python().toString(), launch.daemon().toString()));
        command.addAll(launch.arguments());
        Proc proc = add(USER, command);
        spawned.add(proc.snapshot.pid());
        proc.token = launch.token();
        proc.port = nextPort++;
        proc.version = version;
        proc.stubbornness = spawnedStubbornness;
        proc.features = behaviour == Behaviour.WITHOUT_NUMPY ? FeatureSet.core() : FeatureSet.parse(List.of("core", "local-embeddings"));
        proc.answers = behaviour != Behaviour.NEVER_ANSWERS;
        int model = launch.arguments().indexOf("--model");
        if (model >= 0) {
            proc.model = launch.arguments().get(model + 1);
        }
        Path readyFile = Path.of(launch.arguments().get(launch.arguments().indexOf("--ready-file") + 1));
        files.appendLog(launch.log(), "started pid=" + proc.snapshot.pid());
        switch (behaviour) {
            case EXITS_AT_ONCE -> {
                proc.alive = false;
                files.appendLog(launch.log(), "Traceback: boom");
            }
            case NEVER_READY -> files.appendLog(launch.log(), "importing numpy…");
            default -> files.announce(readyFile, new DaemonFiles.ReadyFile(proc.snapshot.pid(), "127.0.0.1", proc.port, version));
        }
        whileComingUp.accept(seenNow(proc.snapshot));
        return seenNow(proc.snapshot);
    }

    @Override
    public synchronized void release(ProcessSnapshot process) {
        released.add(process.pid());
    }

    @Override
    public synchronized boolean terminate(ProcessSnapshot process) {
        // Recorded even when refused: a test that says "never signalled" means "never tried".
        signals.add("SIGTERM " + process.pid());
        Optional<Proc> proc = same(process);
        proc.ifPresent(found -> {
            if (found.stubbornness != Stubbornness.IGNORES_TERM && found.stubbornness != Stubbornness.IGNORES_KILL) {
                found.alive = false;
            }
        });
        return proc.isPresent();
    }

    @Override
    public synchronized boolean kill(ProcessSnapshot process) {
        signals.add("SIGKILL " + process.pid());
        Optional<Proc> proc = same(process);
        proc.ifPresent(found -> {
            if (found.stubbornness != Stubbornness.IGNORES_KILL) {
                found.alive = false;
            }
        });
        return proc.isPresent();
    }

    @Override
    public synchronized boolean awaitExit(ProcessSnapshot process, Duration timeout) {
        return same(process).isEmpty();
    }

    @Override
    public synchronized Health health(DaemonEndpoint endpoint) {
        Optional<Proc> listening = listeningOn(endpoint.port());
        if (listening.isEmpty()) {
            return new DaemonClient.Unanswered("Connection refused");
        }
        if (!endpoint.token().equals(listening.get().token)) {
            return new Unauthorized();
        }
        Proc proc = listening.get();
        Optional<ServedModel> model = proc.features.contains(Feature.LOCAL_EMBEDDINGS)
                ? Optional.of(new ServedModel(proc.model, proc.loaded, proc.loaded ? OptionalInt.of(2) : OptionalInt.empty()))
                : Optional.empty();
        return new Healthy(proc.version, proc.features, model);
    }

    /** A daemon that serves {@code model}, started some other way. */
    public synchronized FakeDaemonHost serving(long pid, String model) {
        table.get(pid).model = model;
        return this;
    }

    /** The daemon that answers the {@code count + 1}st embeddings request dies instead of answering it. */
    public synchronized FakeDaemonHost daemonDiesAfterEmbedRequests(int count) {
        dieAfterEmbedRequests = count;
        return this;
    }

    /** How many texts each embeddings request carried, in order. */
    public synchronized List<Integer> embedRequests() {
        return List.copyOf(embedRequests);
    }

    @Override
    public synchronized Answer embed(DaemonEndpoint endpoint, List<String> texts) {
        Optional<Proc> listening = listeningOn(endpoint.port());
        if (listening.isEmpty()) {
            return new Embeddings.Unanswered("Connection refused");
        }
        Proc proc = listening.get();
        if (!endpoint.token().equals(proc.token)) {
            return new Embeddings.Refused(401, "unauthorized", Optional.empty());
        }
        if (!proc.features.contains(Feature.LOCAL_EMBEDDINGS)) {
            return new Embeddings.Refused(503, "This daemon has no local-embeddings.", Optional.of("feature_unavailable"));
        }
        if (embedRequests.size() >= dieAfterEmbedRequests) {
            proc.alive = false;
            return new Embeddings.Unanswered("Connection reset");
        }
        if (proc.model.startsWith(UNLOADABLE_MODEL_PREFIX)) {
            return new Embeddings.Refused(503, "The embedding model " + proc.model + " is not in the cache. Fetch it online.",
                    Optional.of("model_unavailable"));
        }
        if (texts.stream().anyMatch(String::isEmpty)) {
            return new Embeddings.Refused(400, "An input is empty.", Optional.empty());
        }
        int request = embedRequests.size();
        embedRequests.add(texts.size());
        proc.loaded = true;
        return new Embeddings.Vectors(proc.model, texts.stream().map(text -> new float[] {text.length(), request}).toList());
    }

    @Override
    public synchronized boolean requestShutdown(DaemonEndpoint endpoint) {
        Optional<Proc> listening = listeningOn(endpoint.port());
        if (listening.isEmpty() || !endpoint.token().equals(listening.get().token)) {
            return false;
        }
        Proc proc = listening.get();
        signals.add("shutdown " + proc.snapshot.pid());
        if (proc.stubbornness == Stubbornness.NONE) {
            proc.alive = false;
        }
        return true;
    }

    private Optional<Proc> listeningOn(int port) {
        return table.values().stream().filter(proc -> proc.alive && proc.answers && proc.token != null && proc.port == port).findFirst();
    }
}
