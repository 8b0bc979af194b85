package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.domain.DaemonRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Daemon state, ready files and logs in maps keyed by normalised path. A write replaces a state at once. */
public final class InMemoryDaemonFiles implements DaemonFiles {

    private final Map<Path, StateRead> states = new HashMap<>();
    private final Map<Path, ReadyFile> readyFiles = new HashMap<>();
    private final Map<Path, List<String>> logs = new HashMap<>();
    private final List<Path> preparedRuns = new ArrayList<>();
    private final Map<Path, StartMarker> startMarkers = new HashMap<>();
    private final Map<Path, Path> links = new HashMap<>();
    private IOException writeFailure;
    private Runnable beforeNextStateRead = () -> { };

    public synchronized InMemoryDaemonFiles putState(Path statePath, DaemonRecord record) {
        states.put(statePath.normalize(), new Present(record));
        return this;
    }

    public synchronized InMemoryDaemonFiles putInvalidState(Path statePath, String reason) {
        states.put(statePath.normalize(), new Invalid(reason));
        return this;
    }

    public synchronized Optional<DaemonRecord> state(Path statePath) {
        return states.get(statePath.normalize()) instanceof Present present ? Optional.of(present.record()) : Optional.empty();
    }

    public synchronized boolean hasState(Path statePath) {
        return states.containsKey(statePath.normalize());
    }

    public synchronized InMemoryDaemonFiles failWritesWith(IOException failure) {
        writeFailure = failure;
        return this;
    }

    /** What a daemon does once it listens. */
    public synchronized void announce(Path readyFile, ReadyFile ready) {
        readyFiles.put(readyFile.normalize(), ready);
    }

    public synchronized void appendLog(Path log, String line) {
        logs.computeIfAbsent(log.normalize(), path -> new ArrayList<>()).add(line);
    }

    /** The daemon directories prepared for runs, one per spawn. */
    public synchronized List<Path> preparedRuns() {
        return List.copyOf(preparedRuns);
    }

    /** Runs once, just before the next state read, e.g. a start recording its daemon at that moment. */
    public synchronized InMemoryDaemonFiles beforeNextStateRead(Runnable work) {
        beforeNextStateRead = work;
        return this;
    }

    @Override
    public synchronized StateRead readState(Path statePath) {
        Runnable work = beforeNextStateRead;
        beforeNextStateRead = () -> { };
        work.run();
        return states.getOrDefault(statePath.normalize(), new Absent());
    }

    @Override
    public synchronized void writeState(Path statePath, DaemonRecord record) throws IOException {
        if (writeFailure != null) {
            throw writeFailure;
        }
        states.put(statePath.normalize(), new Present(record));
    }

    @Override
    public synchronized void deleteState(Path statePath) {
        states.remove(statePath.normalize());
    }

    @Override
    public synchronized void markStarting(Path path, StartMarker marker) {
        startMarkers.put(path.normalize(), marker);
    }

    /** A marker that names no process, as an older ktx left it: a start under way as far as anyone can tell. */
    public synchronized void markStarting(Path path) {
        markStarting(path, StartMarker.unknown());
    }

    @Override
    public synchronized Optional<StartMarker> readStartMarker(Path path) {
        return Optional.ofNullable(startMarkers.get(path.normalize()));
    }

    public synchronized boolean isMarkedStarting(Path path) {
        return startMarkers.containsKey(path.normalize());
    }

    /** Paths under {@code link} resolve to the same paths under {@code target}, as through a symbolic link. */
    public synchronized InMemoryDaemonFiles linkAs(Path link, Path target) {
        links.put(link.normalize(), target.normalize());
        return this;
    }

    @Override
    public synchronized Optional<Path> realPath(Path path) {
        Path normal = path.normalize();
        for (Map.Entry<Path, Path> link : links.entrySet()) {
            if (normal.startsWith(link.getKey())) {
                return Optional.of(link.getValue().resolve(link.getKey().relativize(normal)));
            }
        }
        return Optional.of(normal);
    }

    @Override
    public synchronized void unmarkStarting(Path path) {
        startMarkers.remove(path.normalize());
    }

    @Override
    public synchronized void prepareRun(Path daemonDir, Path readyFile, Path log) {
        preparedRuns.add(daemonDir);
        readyFiles.remove(readyFile.normalize());
        logs.put(log.normalize(), new ArrayList<>());
    }

    @Override
    public synchronized Optional<ReadyFile> readReady(Path readyFile) {
        return Optional.ofNullable(readyFiles.get(readyFile.normalize()));
    }

    @Override
    public synchronized List<String> tail(Path log, int lines) {
        List<String> all = logs.getOrDefault(log.normalize(), List.of());
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
