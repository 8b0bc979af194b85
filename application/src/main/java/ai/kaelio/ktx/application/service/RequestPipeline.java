package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the daemon busy: the next batch is already sent while the answer before it is read and written, so the
 * model never waits for ktx to parse, write vectors or read input, and the daemon tokenises the next texts while
 * it runs the model on the current ones. At most {@link #DEPTH} batches are in flight, each on a thread of its
 * own (the out-port blocks), and they are taken in the order they were read.
 */
final class RequestPipeline implements AutoCloseable {

    /** One batch the model runs on and one waiting behind it; more would only queue more texts in the daemon. */
    static final int DEPTH = 2;
    /** An interrupted request returns at once; this only bounds the wait for one that does not. */
    static final Duration ABANDON_TIMEOUT = Duration.ofSeconds(5);

    private final Embeddings embeddings;
    private final DaemonEndpoint endpoint;
    private final ExecutorService threads = Executors.newFixedThreadPool(DEPTH, task -> {
        Thread thread = new Thread(task, "ktx-embed-request");
        thread.setDaemon(true); // a request that never returns must not keep ktx from exiting
        return thread;
    });
    private final Deque<Sent> inFlight = new ArrayDeque<>();

    RequestPipeline(Embeddings embeddings, DaemonEndpoint endpoint) {
        this.embeddings = embeddings;
        this.endpoint = endpoint;
    }

    /** A batch in its place in the order; one without texts is not sent. */
    record Sent(TextBatches.Batch batch, Optional<Future<Embeddings.Answer>> request) {

        boolean hasTexts() {
            return request.isPresent();
        }

        /** Waits for the daemon's answer to a batch with texts. */
        Embeddings.Answer answer() throws InterruptedException {
            try {
                return request.orElseThrow().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw (InterruptedException) new InterruptedException("The request was interrupted").initCause(cause);
            }
        }
    }

    boolean full() {
        return inFlight.size() >= DEPTH;
    }

    void send(TextBatches.Batch batch) {
        inFlight.add(new Sent(batch, batch.texts().isEmpty() ? Optional.empty()
                : Optional.of(threads.submit(() -> embeddings.embed(endpoint, batch.texts())))));
    }

    /** The batch read first of those in flight. */
    Sent take() {
        return inFlight.removeFirst();
    }

    /** Interrupts what is in flight and waits for it, so that no request of this run outlives it. */
    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(ABANDON_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
