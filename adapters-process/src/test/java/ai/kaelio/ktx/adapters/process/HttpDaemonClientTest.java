package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback that answers as ktx-daemon does (and as it must not). */
class HttpDaemonClientTest {

    private static final String TOKEN = "right-token";

    private final HttpDaemonClient client = new HttpDaemonClient();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile String healthBody = "{\"status\": \"healthy\", \"version\": \"0.1.0\", \"features\": [\"core\", \"local-embeddings\"]}";

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + authorization);
        boolean authorized = ("Bearer " + TOKEN).equals(authorization);
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        int status = !authorized ? 401 : route.equals("GET /health") || route.equals("POST /shutdown") ? 200 : 404;
        String body = !authorized ? "{\"error\": \"unauthorized\"}"
                : route.equals("GET /health") ? healthBody : "{\"status\": \"stopping\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private DaemonEndpoint endpoint(String token) {
        return new DaemonEndpoint("127.0.0.1", server.getAddress().getPort(), token);
    }

    @Test
    void healthWithTheTokenGivesVersionAndFeatures() throws Exception {
        DaemonClient.Health health = client.health(endpoint(TOKEN));

        assertThat(health).isEqualTo(new DaemonClient.Healthy("0.1.0", FeatureSet.of(Feature.LOCAL_EMBEDDINGS)));
        assertThat(requests).containsExactly("GET /health Bearer " + TOKEN);
    }

    @Test
    void aWrongTokenIsUnauthorized() throws Exception {
        assertThat(client.health(endpoint("wrong"))).isEqualTo(new DaemonClient.Unauthorized());
        assertThat(client.requestShutdown(endpoint("wrong"))).isFalse();
    }

    @Test
    void featuresThisKtxDoesNotKnowAreLeftOut() throws Exception {
        healthBody = "{\"status\": \"healthy\", \"version\": \"0.2.0\", \"features\": [\"core\", \"gpu\"], \"extra\": {\"a\": [1, 2.5e3, null, true]}}";

        assertThat(client.health(endpoint(TOKEN))).isEqualTo(new DaemonClient.Healthy("0.2.0", FeatureSet.core()));
    }

    @Test
    void anAnswerThatIsNotTheDaemonsIsUnanswered() throws Exception {
        healthBody = "<html>hello</html>";
        assertThat(client.health(endpoint(TOKEN))).isInstanceOf(DaemonClient.Unanswered.class);

        healthBody = "{\"status\": \"starting\", \"version\": \"0.1.0\", \"features\": []}";
        assertThat(client.health(endpoint(TOKEN))).isEqualTo(new DaemonClient.Unanswered(
                "not a health answer: {\"status\": \"starting\", \"version\": \"0.1.0\", \"features\": []}"));
    }

    @Test
    void nothingListeningIsUnansweredWithoutDelay() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DaemonClient.Health health = client.health(new DaemonEndpoint("127.0.0.1", closedPort, TOKEN));

        assertThat(health).isInstanceOf(DaemonClient.Unanswered.class);
        assertThat(((DaemonClient.Unanswered) health).reason()).isNotBlank();
        assertThat(client.requestShutdown(new DaemonEndpoint("127.0.0.1", closedPort, TOKEN))).isFalse();
    }

    @Test
    void shutdownIsAnAuthorizedPost() throws Exception {
        assertThat(client.requestShutdown(endpoint(TOKEN))).isTrue();

        assertThat(requests).containsExactly("POST /shutdown Bearer " + TOKEN);
    }
}
