package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.application.testing.EmbeddingFixtures;
import ai.kaelio.ktx.domain.ServedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real daemon serving a tiny fixture model, whose vectors sentence-transformers computed. */
class HttpEmbeddingsTest {

    private static EmbeddingFixtures fixtures;
    private static EmbeddingFixtures.Model model;
    private static FixtureDaemon daemon;

    private final HttpEmbeddings embeddings = new HttpEmbeddings();

    @BeforeAll
    static void serve(@TempDir Path workDir) throws Exception {
        fixtures = EmbeddingFixtures.get();
        model = fixtures.model("mean-normalized");
        daemon = FixtureDaemon.serving(model.directory().toString(), workDir);
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    @Test
    void vectorsEqualSentenceTransformersAndNameTheModel() throws Exception {
        Embeddings.Answer answer = embeddings.embed(daemon.endpoint(), fixtures.texts());

        Embeddings.Vectors vectors = (Embeddings.Vectors) answer;
        assertThat(vectors.model()).isEqualTo(model.directory().toString());
        assertThat(vectors.vectors()).hasSameSizeAs(fixtures.texts());
        for (int i = 0; i < fixtures.texts().size(); i++) {
            EmbeddingFixtures.assertClose(vectors.vectors().get(i), model.embeddings().get(i), "text " + i);
        }
    }

    @Test
    void manyTextsComeBackInTheirOrder() throws Exception {
        // The daemon sorts each batch by length; the answer must still follow the request.
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            texts.add(fixtures.texts().get((i * 7) % fixtures.texts().size()));
        }

        Embeddings.Vectors vectors = (Embeddings.Vectors) embeddings.embed(daemon.endpoint(), texts);

        for (int i = 0; i < texts.size(); i++) {
            EmbeddingFixtures.assertClose(vectors.vectors().get(i), model.embeddings().get((i * 7) % fixtures.texts().size()), "text " + i);
        }
    }

    @Test
    void requestAfterRequestEachGetsItsAnswer() throws Exception {
        // The client pools connections; the daemon closes each after its answer. None may be reused.
        for (int i = 0; i < 40; i++) {
            Embeddings.Answer answer = embeddings.embed(daemon.endpoint(), List.of(fixtures.texts().get(i % 10)));
            assertThat(answer).as("request " + i).isInstanceOf(Embeddings.Vectors.class);
        }
    }

    @Test
    void healthNamesTheModelItsDimensionsOnceLoaded() throws Exception {
        embeddings.embed(daemon.endpoint(), List.of("load it"));

        DaemonClient.Health health = new HttpDaemonClient().health(daemon.endpoint());

        assertThat(((DaemonClient.Healthy) health).model()).contains(
                new ServedModel(model.directory().toString(), true, OptionalInt.of(model.dimensions())));
    }

    @Test
    void anEmptyTextIsRefusedWithTheDaemonsSentence() throws Exception {
        Embeddings.Answer answer = embeddings.embed(daemon.endpoint(), List.of("fine", ""));

        assertThat(answer).isInstanceOf(Embeddings.Refused.class);
        Embeddings.Refused refused = (Embeddings.Refused) answer;
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("input[1]");
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        assertThat(embeddings.embed(daemon.endpoint("not-the-token"), List.of("hello")))
                .isEqualTo(new Embeddings.Refused(401, "unauthorized", Optional.empty()));
    }

    @Test
    void aModelThatCannotLoadIsRefusedWithTheDaemonsSentence(@TempDir Path workDir) throws Exception {
        Path missing = workDir.resolve("no-such-model");
        try (FixtureDaemon broken = FixtureDaemon.serving(missing.toString(), workDir)) {
            Embeddings.Answer answer = embeddings.embed(broken.endpoint(), List.of("hello"));

            Embeddings.Refused refused = (Embeddings.Refused) answer;
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).contains("model_unavailable");
            assertThat(refused.message()).contains(missing.toString());
        }
    }

    @Test
    void aDeadDaemonIsUnanswered(@TempDir Path workDir) throws Exception {
        FixtureDaemon doomed = FixtureDaemon.serving(model.directory().toString(), workDir);
        assertThat(embeddings.embed(doomed.endpoint(), List.of("hello"))).isInstanceOf(Embeddings.Vectors.class);

        doomed.kill();

        assertThat(embeddings.embed(doomed.endpoint(), List.of("hello"))).isInstanceOf(Embeddings.Unanswered.class);
    }
}
