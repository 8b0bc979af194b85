package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.LockHolder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLockInterruptionException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Version locks as OS file locks, which the OS drops when the holder dies, even by kill -9.
 *
 * <p>A Java file lock belongs to the whole JVM, and POSIX drops every lock a process holds on a file
 * when any of its descriptors for that file is closed. So threads of one JVM queue on an in-memory
 * guard first, and only the guard's owner ever opens the lock file.
 */
final class FileChannelRuntimeLock implements RuntimeLock {

    private static final ConcurrentMap<Path, Guard> GUARDS = new ConcurrentHashMap<>();

    private final Clock clock;

    @Inject
    FileChannelRuntimeLock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Handle acquire(Path lockPath, String purpose, Consumer<Optional<LockHolder>> onWait)
            throws IOException, InterruptedException {
        Guard guard = guardFor(lockPath);
        if (guard.owner == Thread.currentThread()) {
            // Waiting for ourselves would never end.
            throw new IllegalStateException("This thread already holds the runtime lock " + lockPath);
        }
        if (!guard.permit.tryAcquire()) {
            onWait.accept(Optional.ofNullable(guard.holder));
            guard.permit.acquire();
        }
        try {
            FileChannel channel = open(lockPath);
            try {
                FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    onWait.accept(LockFileContent.read(channel));
                    fileLock = channel.lock();
                }
                return held(guard, channel, fileLock, purpose);
            } catch (ClosedByInterruptException | FileLockInterruptionException e) {
                channel.close();
                Thread.interrupted();
                throw new InterruptedException("Interrupted while waiting for the runtime lock " + lockPath);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            guard.permit.release();
            throw e;
        }
    }

    @Override
    public Optional<Handle> tryAcquire(Path lockPath, String purpose) throws IOException {
        Guard guard = guardFor(lockPath);
        // Also empty for the holding thread itself: a second channel's lock attempt and close would drop
        // the OS lock that the first handle holds.
        if (!guard.permit.tryAcquire()) {
            return Optional.empty();
        }
        try {
            FileChannel channel = open(lockPath);
            try {
                FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    channel.close();
                    guard.permit.release();
                    return Optional.empty();
                }
                return Optional.of(held(guard, channel, fileLock, purpose));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            guard.permit.release();
            throw e;
        }
    }

    /** The handle may be closed more than once, and from any thread: only the first close releases. */
    private Handle held(Guard guard, FileChannel channel, FileLock fileLock, String purpose) throws IOException {
        LockHolder holder = new LockHolder(ProcessHandle.current().pid(), clock.instant(), purpose);
        LockFileContent.write(channel, holder);
        guard.holder = holder;
        guard.owner = Thread.currentThread();
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (!open.compareAndSet(true, false)) {
                return;
            }
            guard.holder = null;
            guard.owner = null;
            try {
                channel.truncate(0);
                fileLock.release();
            } catch (IOException e) {
                // Closing the channel below releases the lock regardless.
            } finally {
                closeQuietly(channel);
                guard.permit.release();
            }
        };
    }

    private static FileChannel open(Path lockPath) throws IOException {
        Files.createDirectories(lockPath.getParent());
        return FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static Guard guardFor(Path lockPath) {
        return GUARDS.computeIfAbsent(lockPath.toAbsolutePath().normalize(), path -> new Guard());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    /** A permit rather than a thread-owned lock, so that a handle can be released from any thread. */
    private static final class Guard {
        final Semaphore permit = new Semaphore(1);
        volatile LockHolder holder;
        volatile Thread owner;
    }

    /** The holder's record inside the lock file: {@code {"pid": …, "since": "…", "purpose": "…"}}. */
    static final class LockFileContent {
        private LockFileContent() {
        }

        static void write(FileChannel channel, LockHolder holder) throws IOException {
            Map<String, Object> json = JsonDocuments.object();
            json.put("pid", holder.pid());
            json.put("since", holder.since().toString());
            json.put("purpose", holder.purpose());
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(JsonDocuments.write(json));
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        }

        /** Whatever the holder wrote; empty if it has not written yet or wrote something else. */
        static Optional<LockHolder> read(FileChannel channel) {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(512);
                channel.read(buffer, 0);
                return parse(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Empty for an empty file (the holder has not written yet) or anything but a holder's record. */
        static Optional<LockHolder> parse(byte[] content) {
            try {
                JsonFields json = JsonFields.root(JsonDocuments.parse(content));
                return Optional.of(new LockHolder(json.longInteger("pid"), json.instant("since"),
                        json.has("purpose") ? json.text("purpose") : "unknown"));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
