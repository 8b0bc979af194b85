package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

/**
 * The daemon's HTTP API with the JDK's {@link HttpURLConnection}: direct (never through a proxy, whatever
 * the environment says: the daemon is on loopback), short timeouts. Not {@code java.net.http.HttpClient}:
 * building one and sending its first request costs 0.3 to 0.4 s of start-up here, against 0.05 s, and
 * every start, stop and doctor would pay it for one local request ({@link KeepAliveHttp}, for the
 * many requests of embeddings, does use it).
 */
final class HttpDaemonClient implements DaemonClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Far above a health answer; a peer that sends more is not the daemon. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    HttpDaemonClient() {
    }

    @Override
    public Health health(DaemonEndpoint endpoint) {
        try {
            Answer answer = exchange(endpoint, "GET", "/health");
            if (answer.status() == 401) {
                return new Unauthorized();
            }
            if (answer.status() != 200) {
                return new Unanswered("HTTP " + answer.status());
            }
            return DaemonWire.health(answer.body());
        } catch (IOException e) {
            return new Unanswered(describe(e));
        }
    }

    @Override
    public boolean requestShutdown(DaemonEndpoint endpoint) {
        try {
            return exchange(endpoint, "POST", "/shutdown").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Answer exchange(DaemonEndpoint endpoint, String method, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint.url() + path).toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + endpoint.token());
            if (method.equals("POST")) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
                try (OutputStream ignored = connection.getOutputStream()) {
                    // An empty body, with Content-Length: 0.
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] body = new byte[0];
            if (stream != null) {
                try (InputStream in = stream) {
                    body = in.readNBytes(MAX_BODY_BYTES);
                }
            }
            return new Answer(status, body);
        } finally {
            connection.disconnect();
        }
    }

    private record Answer(int status, byte[] body) {
    }

    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + READ_TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
