package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.EmbedRequest;
import ai.kaelio.ktx.application.port.in.EmbedResult;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.EmbeddingSink;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.DaemonRecord;
import java.io.IOException;

/**
 * Embeds by {@code start}'s rules and then batch by batch. The first batch is read before anything else,
 * so empty input installs and starts nothing. The daemon is had through start (install consent, verified
 * identity, token, the model asked for). Batches then stream through a {@link RequestPipeline}: the next one is
 * sent while the answer before it goes to the sink, and answers reach the sink in input order. It never falls
 * back to anything: a daemon that cannot serve ends the run with what happened, and the next run's start
 * replaces a daemon that died.
 */
public final class EmbedTextsService implements EmbedTextsUseCase {

    private final StartDaemonUseCase start;
    private final Embeddings embeddings;

    public EmbedTextsService(StartDaemonUseCase start, Embeddings embeddings) {
        this.start = start;
        this.embeddings = embeddings;
    }

    @Override
    public EmbedResult embed(EmbedRequest request, EmbeddingSink sink) throws IOException, InterruptedException {
        TextBatches batches = new TextBatches(request.texts(), request.batchSize());
        TextBatches.Batch batch = batches.next();
        if (batch.texts().isEmpty()) {
            return batch.emptyText().isPresent()
                    ? new EmbedResult.EmptyText(batch.emptyText().getAsLong()) : new EmbedResult.NothingToEmbed();
        }
        StartResult started = start.start(new StartRequest(EmbedRequest.features(), request.model(), false,
                request.consent(), request.confirmation(), request.observer()));
        DaemonRecord daemon;
        if (started instanceof StartResult.Started fresh) {
            daemon = fresh.daemon();
        } else if (started instanceof StartResult.Reused reused) {
            daemon = reused.daemon();
        } else if (started instanceof StartResult.RuntimeUnavailable || started instanceof StartResult.Failed
                || started instanceof StartResult.DaemonInTheWay || started instanceof StartResult.RuntimeChanged) {
            return new EmbedResult.DaemonUnavailable(started);
        } else {
            throw new AssertionError(started);
        }
        return send(daemon, batches, batch, sink);
    }

    private EmbedResult send(DaemonRecord daemon, TextBatches batches, TextBatches.Batch first, EmbeddingSink sink)
            throws IOException, InterruptedException {
        long done = 0;
        String model = "";
        int dimensions = 0;
        try (RequestPipeline pipeline = new RequestPipeline(embeddings, daemon.endpoint())) {
            pipeline.send(first);
            TextBatches.Batch read = first;
            while (true) {
                while (!read.last() && !pipeline.full()) {
                    read = batches.next();
                    pipeline.send(read);
                }
                RequestPipeline.Sent sent = pipeline.take();
                if (sent.hasTexts()) {
                    Embeddings.Answer answer = sent.answer();
                    if (answer instanceof Embeddings.Vectors vectors) {
                        sink.accept(vectors.model(), done, vectors.vectors());
                        done += vectors.vectors().size();
                        model = vectors.model();
                        dimensions = vectors.vectors().get(0).length;
                    } else if (answer instanceof Embeddings.Refused refused) {
                        return refused.status() == 503 && refused.code().filter("model_unavailable"::equals).isPresent()
                                ? new EmbedResult.ModelUnavailable(refused.message())
                                : new EmbedResult.Refused(done, refused.message());
                    } else if (answer instanceof Embeddings.Unanswered unanswered) {
                        return new EmbedResult.DaemonLost(done, daemon.pid(), unanswered.reason());
                    } else {
                        throw new AssertionError(answer);
                    }
                }
                if (sent.batch().emptyText().isPresent()) {
                    return new EmbedResult.EmptyText(sent.batch().emptyText().getAsLong());
                }
                if (sent.batch().last()) {
                    return new EmbedResult.Embedded(model, done, dimensions);
                }
            }
        }
    }
}
