package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The daemon's {@code POST /v1/embeddings}, over {@link KeepAliveHttp}, in the wire format of {@link DaemonWire}. */
final class HttpEmbeddings implements Embeddings {

    /** The first request loads the model, which may mean downloading it; a dead daemon breaks the connection sooner. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(15);
    /** Far above any error sentence. */
    static final int MAX_ERROR_BYTES = 64 * 1024;

    @Inject
    HttpEmbeddings() {
    }

    @Override
    public Answer embed(DaemonEndpoint endpoint, List<String> texts) throws InterruptedException {
        try {
            KeepAliveHttp.Response response = KeepAliveHttp.postJson(URI.create(endpoint.url() + "/v1/embeddings"),
                    endpoint.token(), DaemonWire.embeddingsRequest(texts), ANSWER_TIMEOUT);
            try (InputStream body = response.body()) {
                int status = response.status();
                if (status == 200) {
                    return DaemonWire.vectors(body, texts.size());
                }
                byte[] error = body.readNBytes(MAX_ERROR_BYTES);
                return DaemonWire.refusal(status, error).map(Answer.class::cast).orElseGet(() ->
                        new Refused(status, "HTTP " + status + ": " + DaemonWire.abbreviate(error), Optional.empty()));
            }
        } catch (SocketTimeoutException e) {
            return new Unanswered("no answer within " + ANSWER_TIMEOUT.toMinutes() + " min");
        } catch (IOException e) {
            return new Unanswered(describe(e));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getClass().getSimpleName();
        }
        return message;
    }
}
