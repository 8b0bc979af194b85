package ai.kaelio.ktx.adapters.process;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The JDK's {@link HttpClient}, which keeps connections alive where the server lets it, kept apart so that
 * nothing loads {@code java.net.http} (0.3 to 0.4 s of start-up here) until a command really sends
 * embeddings: Guice's production stage loads every bound adapter's own classes, and status must stay fast.
 * Direct, never through a proxy: the daemon is on loopback.
 */
final class KeepAliveHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private KeepAliveHttp() {
    }

    record Response(int status, InputStream body) {
    }

    /** A POST of a JSON body with a bearer token; a timeout is a {@link SocketTimeoutException}. */
    static Response postJson(URI uri, String token, byte[] body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new Response(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new SocketTimeoutException(e.getMessage());
        }
    }

    /** Built once, on first use, and shared: its connection pool is what keeps connections alive. */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(null))
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
