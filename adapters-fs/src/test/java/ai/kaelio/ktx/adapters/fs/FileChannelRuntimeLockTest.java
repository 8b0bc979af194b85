package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelRuntimeLockTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final FileChannelRuntimeLock lock = new FileChannelRuntimeLock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private Process child;

    @TempDir
    Path root;

    private Path lockPath() {
        return root.resolve(".locks/0.1.0.lock");
    }

    @AfterEach
    void stop() {
        other.shutdownNow();
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void tryAcquireFailsWhileAnotherThreadHoldsItAndSucceedsAfterClose() throws Exception {
        RuntimeLock.Handle held = lock.tryAcquire(lockPath(), "install").orElseThrow();
        assertThat(other.submit(() -> lock.tryAcquire(lockPath(), "prune")).get(5, TimeUnit.SECONDS)).isEmpty();
        held.close();
        Optional<RuntimeLock.Handle> later = other.submit(() -> lock.tryAcquire(lockPath(), "prune")).get(5, TimeUnit.SECONDS);
        assertThat(later).isPresent();
        later.get().close();
    }

    @Test
    void acquireWaitsForTheHolderSaysWhoItIsAndProceedsAfterRelease() throws Exception {
        RuntimeLock.Handle held = lock.tryAcquire(lockPath(), "install").orElseThrow();
        CompletableFuture<Optional<LockHolder>> announced = new CompletableFuture<>();
        Future<RuntimeLock.Handle> waiting = other.submit(() -> lock.acquire(lockPath(), "start", announced::complete));

        assertThat(announced.get(5, TimeUnit.SECONDS))
                .contains(new LockHolder(ProcessHandle.current().pid(), NOW, "install"));
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        held.close();
        waiting.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void holdingThreadCannotTakeTheLockASecondTimeNorLoseItTrying() throws Exception {
        startChildWaitingFor(lockPath());
        try (RuntimeLock.Handle held = lock.tryAcquire(lockPath(), "install").orElseThrow()) {
            assertThat(lock.tryAcquire(lockPath(), "again")).isEmpty();
            assertThatThrownBy(() -> lock.acquire(lockPath(), "again", holder -> { }))
                    .isInstanceOf(IllegalStateException.class);
            // The OS lock must still be ours: the child, queued on it, has not got it.
            assertThat(childSaid(300)).isNull();
        }
        assertThat(childSaid(10_000)).isEqualTo("locked");
    }

    @Test
    void handleMayBeClosedTwiceAndFromAnotherThread() throws Exception {
        RuntimeLock.Handle held = lock.tryAcquire(lockPath(), "install").orElseThrow();
        other.submit(held::close).get(5, TimeUnit.SECONDS);
        held.close();
        try (RuntimeLock.Handle again = lock.tryAcquire(lockPath(), "install").orElseThrow()) {
            held.close();
            // A stale handle's close must not release the new holder's lock.
            assertThat(other.submit(() -> lock.tryAcquire(lockPath(), "prune")).get(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void anotherProcessHoldingTheLockKeepsUsOutUntilItIsKilled() throws Exception {
        startChildHolding(lockPath());
        assertThat(lock.tryAcquire(lockPath(), "prune")).isEmpty();
        assertThat(FileChannelRuntimeLock.LockFileContent.parse(Files.readAllBytes(lockPath())))
                .hasValueSatisfying(holder -> {
                    assertThat(holder.pid()).isEqualTo(child.pid());
                    assertThat(holder.purpose()).isEqualTo("child install");
                });

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Optional<RuntimeLock.Handle> freed = lock.tryAcquire(lockPath(), "prune");
        assertThat(freed).isPresent();
        freed.get().close();
    }

    @Test
    void acquireWaitsForAnotherProcessNamingItsPid() throws Exception {
        startChildHolding(lockPath());
        CompletableFuture<Optional<LockHolder>> announced = new CompletableFuture<>();
        Future<RuntimeLock.Handle> waiting = other.submit(() -> lock.acquire(lockPath(), "install", announced::complete));

        assertThat(announced.get(5, TimeUnit.SECONDS)).hasValueSatisfying(
                holder -> assertThat(holder.pid()).isEqualTo(child.pid()));
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        child.getOutputStream().close();
        waiting.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void interruptingAWaitForAnotherProcessIsAnInterruption() throws Exception {
        startChildHolding(lockPath());
        CompletableFuture<Optional<LockHolder>> announced = new CompletableFuture<>();
        Future<RuntimeLock.Handle> waiting = other.submit(() -> lock.acquire(lockPath(), "install", announced::complete));
        announced.get(5, TimeUnit.SECONDS);

        other.shutdownNow();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        // The interrupted waiter gave its place back.
        assertThat(lock.tryAcquire(lockPath(), "prune")).isEmpty();
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        lock.tryAcquire(lockPath(), "prune").orElseThrow().close();
    }

    @Test
    void lockFileContentParsesOnlyWhatAHolderWrote() {
        assertThat(parse("{\"pid\": 42, \"since\": \"2026-01-02T03:04:05Z\", \"purpose\": \"install\"}"))
                .contains(new LockHolder(42, NOW, "install"));
        assertThat(parse("{\"pid\": 42, \"since\": \"2026-01-02T03:04:05Z\"}")).contains(new LockHolder(42, NOW, "unknown"));
        assertThat(parse("")).isEmpty();
        assertThat(parse("{\"pid\": \"forty-two\", \"since\": \"2026-01-02T03:04:05Z\"}")).isEmpty();
        assertThat(parse("{\"pid\": 42, \"si")).as("a record still being written").isEmpty();
        // What ktx before issue 27 wrote: another version's holder is "unknown", never an error.
        assertThat(parse("pid=42\nsince=2026-01-02T03:04:05Z\npurpose=install\n")).isEmpty();
    }

    @Test
    void aHolderWritesWhatItReadsBack() throws Exception {
        try (var held = lock.tryAcquire(lockPath(), "install").orElseThrow()) {
            assertThat(FileChannelRuntimeLock.LockFileContent.parse(Files.readAllBytes(lockPath())))
                    .hasValueSatisfying(holder -> assertThat(holder.purpose()).isEqualTo("install"));
        }
    }

    private static java.util.Optional<LockHolder> parse(String content) {
        return FileChannelRuntimeLock.LockFileContent.parse(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private final BlockingQueue<String> childLines = new LinkedBlockingQueue<>();

    private void startChildHolding(Path lockPath) throws Exception {
        startChildWaitingFor(lockPath);
        assertThat(childSaid(20_000)).isEqualTo("locked");
    }

    /** A second JVM that takes the lock through the adapter, says so, and keeps it until its stdin closes. */
    private void startChildWaitingFor(Path lockPath) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LockingChild.class.getName(), lockPath.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> output.lines().forEach(childLines::add), "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The child's next line, or null if it says nothing within the time. */
    private String childSaid(long millis) throws InterruptedException {
        return childLines.poll(millis, TimeUnit.MILLISECONDS);
    }

    public static final class LockingChild {
        public static void main(String[] args) throws Exception {
            RuntimeLock lock = new FileChannelRuntimeLock(Clock.systemUTC());
            try (RuntimeLock.Handle held = lock.acquire(Path.of(args[0]), "child install", holder -> { })) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() != -1) {
                    // Held until the parent closes our stdin or kills us.
                }
            }
        }
    }
}
