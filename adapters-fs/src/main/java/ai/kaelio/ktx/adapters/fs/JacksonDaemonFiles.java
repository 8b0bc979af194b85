package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.domain.DaemonRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code daemon.json} (owner-only, replaced atomically), the marker of a start that has not recorded its
 * daemon yet, the daemon's directory (owner-only), its ready file and its log.
 */
final class JacksonDaemonFiles implements DaemonFiles {

    /** A log's tail is read from at most this many final bytes, however long the log grew. */
    static final int TAIL_BYTES = 64 * 1024;

    @Inject
    JacksonDaemonFiles() {
    }

    @Override
    public StateRead readState(Path statePath) {
        try {
            return new Present(DaemonJson.record(JsonFields.root(JsonDocuments.read(statePath))));
        } catch (JsonShapeException | IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        } catch (IOException e) {
            return FileAbsence.means(statePath, e) ? new Absent() : new Invalid(FileAbsence.unreadable(statePath, e));
        }
    }

    @Override
    public void writeState(Path statePath, DaemonRecord record) throws IOException {
        AtomicFiles.writeOwnerOnly(statePath, JsonDocuments.write(DaemonJson.toJson(record)));
    }

    @Override
    public void deleteState(Path statePath) throws IOException {
        Files.deleteIfExists(statePath);
    }

    @Override
    public void markStarting(Path path, StartMarker marker) throws IOException {
        // Owner-only like everything else of the daemon's.
        AtomicFiles.writeOwnerOnly(path, JsonDocuments.write(DaemonJson.toJson(marker)));
    }

    @Override
    public Optional<StartMarker> readStartMarker(Path path) {
        try {
            // Looked at before it is opened: a FIFO there would block the read, a link would be followed.
            if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                return Optional.of(StartMarker.unknown());
            }
            return Optional.of(DaemonJson.startMarker(JsonFields.root(JsonDocuments.read(path))));
        } catch (JsonShapeException | IllegalArgumentException e) {
            // Empty (an older ktx's) or damaged: a marker all the same, of a start that cannot be told.
            return Optional.of(StartMarker.unknown());
        } catch (IOException e) {
            // Only a sure "nothing there" counts as unmarked: otherwise a daemon may run unrecorded.
            return FileAbsence.means(path, e) ? Optional.empty() : Optional.of(StartMarker.unknown());
        }
    }

    @Override
    public Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public void unmarkStarting(Path marker) throws IOException {
        Files.deleteIfExists(marker);
    }

    @Override
    public void prepareRun(Path daemonDir, Path readyFile, Path log) throws IOException {
        OwnerOnly.directory(daemonDir);
        Files.deleteIfExists(readyFile);
        // A new file rather than a truncated one: nothing planted at the log's path is written through.
        Files.deleteIfExists(log);
        Files.newByteChannel(log, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                OwnerOnly.file(log)).close();
    }

    @Override
    public Optional<ReadyFile> readReady(Path readyFile) {
        try {
            return Optional.of(DaemonJson.ready(JsonFields.root(JsonDocuments.read(readyFile))));
        } catch (IOException | RuntimeException e) {
            // Absent, or not what the daemon writes: not ready (yet).
            return Optional.empty();
        }
    }

    @Override
    public List<String> tail(Path log, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(log, StandardOpenOption.READ)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            int read;
            do {
                read = channel.read(buffer);
            } while (read > 0 && buffer.hasRemaining());
            List<String> all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
            // A cut through the first line leaves a fragment: drop it unless the whole file was read.
            List<String> whole = start > 0 && !all.isEmpty() ? all.subList(1, all.size()) : all;
            return List.copyOf(whole.subList(Math.max(0, whole.size() - lines), whole.size()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
