package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.FeatureSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonWireTest {

    @Test
    void theRequestAsksForBase64AndEscapesEveryText() throws Exception {
        String json = new String(DaemonWire.embeddingsRequest(List.of("a \"quoted\"\n", "é 🙂")), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"input\":[\"a \\\"quoted\\\"\\n\",\"é 🙂\"],\"encoding_format\":\"base64\"}");
    }

    @Test
    void base64AndNumbersBothBecomeFloatsInIndexOrder() throws Exception {
        String answer = "{\"object\": \"list\", \"data\": ["
                + "{\"object\": \"embedding\", \"index\": 1, \"embedding\": [1, -2.5, 3e-2], \"truncated\": true},"
                + "{\"object\": \"embedding\", \"index\": 0, \"embedding\": \"" + base64(0.25f, -1f, Float.MIN_VALUE) + "\"}],"
                + " \"model\": \"m\", \"usage\": {\"prompt_tokens\": 3, \"total_tokens\": 3}}";

        Embeddings.Vectors vectors = DaemonWire.vectors(stream(answer), 2);

        assertThat(vectors.model()).isEqualTo("m");
        assertThat(vectors.vectors().get(0)).containsExactly(0.25f, -1f, Float.MIN_VALUE);
        assertThat(vectors.vectors().get(1)).containsExactly(1f, -2.5f, 0.03f);
    }

    @Test
    void anAnswerMissingAVectorOrRepeatingOneIsNotTheDaemons() {
        String one = "{\"data\": [{\"index\": 0, \"embedding\": [1]}], \"model\": \"m\"}";
        String twice = "{\"data\": [{\"index\": 0, \"embedding\": [1]}, {\"index\": 0, \"embedding\": [2]}], \"model\": \"m\"}";
        String ragged = "{\"data\": [{\"index\": 0, \"embedding\": \"AAA=\"}], \"model\": \"m\"}";

        assertThatThrownBy(() -> DaemonWire.vectors(stream(one), 2)).isInstanceOf(IOException.class)
                .hasMessageContaining("no embedding for input 1");
        assertThatThrownBy(() -> DaemonWire.vectors(stream(twice), 2)).hasMessageContaining("two embeddings have the index 0");
        assertThatThrownBy(() -> DaemonWire.vectors(stream(ragged), 1)).hasMessageContaining("float32");
        assertThatThrownBy(() -> DaemonWire.vectors(stream("[1, 2]"), 1)).hasMessageContaining("not a JSON object");
    }

    @Test
    void refusalsReadOpenAisShapeAndTheDaemonsOwn() {
        assertThat(DaemonWire.refusal(503, bytes("{\"error\": {\"message\": \"Cannot load m.\", \"type\": \"server_error\", \"code\": \"model_unavailable\"}}")))
                .contains(new Embeddings.Refused(503, "Cannot load m.", Optional.of("model_unavailable")));
        assertThat(DaemonWire.refusal(401, bytes("{\"error\": \"unauthorized\"}")))
                .contains(new Embeddings.Refused(401, "unauthorized", Optional.empty()));
        assertThat(DaemonWire.refusal(502, bytes("<html>bad gateway</html>"))).isEmpty();
    }

    @Test
    void healthWithAndWithoutAModel() {
        DaemonClient.Health health = DaemonWire.health(bytes("{\"status\": \"healthy\", \"version\": \"1.0\", \"features\": [\"core\"],"
                + " \"model\": {\"name\": \"org/m\", \"loaded\": false}}"));
        assertThat(((DaemonClient.Healthy) health).model().orElseThrow().name()).isEqualTo("org/m");
        assertThat(((DaemonClient.Healthy) health).model().orElseThrow().dimensions()).isEmpty();

        assertThat(DaemonWire.health(bytes("{\"status\": \"healthy\", \"version\": \"1.0\", \"features\": []}")))
                .isEqualTo(new DaemonClient.Healthy("1.0", FeatureSet.core()));
        assertThat(DaemonWire.health(bytes("{\"status\": \"healthy\", \"version\": \"1.0\", \"features\": []} trailing")))
                .isInstanceOf(DaemonClient.Unanswered.class);
        assertThat(DaemonWire.health(bytes("{\"status\": \"healthy\", \"version\": \"1.0\", \"features\": [")))
                .isInstanceOf(DaemonClient.Unanswered.class);
        assertThat(DaemonWire.health(bytes("[".repeat(10_000)))).isInstanceOf(DaemonClient.Unanswered.class);
    }

    private static String base64(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
