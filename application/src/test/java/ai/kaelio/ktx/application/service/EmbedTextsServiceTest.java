package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EmbedRequest;
import ai.kaelio.ktx.application.port.in.EmbedResult;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.TextSource;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real start service over fakes of the processes, the daemon's HTTP API and its embeddings. */
class EmbedTextsServiceTest {

    private static final FeatureSet EMBEDDINGS = FeatureSet.of(Feature.LOCAL_EMBEDDINGS);

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();
    private final List<Received> received = new ArrayList<>();

    private record Received(String model, long firstIndex, List<float[]> vectors) {
    }

    private EmbedTextsService service() {
        return new EmbedTextsService(runtime.startService(), host);
    }

    private EmbedResult embed(TextSource texts, Optional<String> model, int batchSize, InstallConsent consent) throws Exception {
        return service().embed(new EmbedRequest(texts, model, batchSize, consent, Confirmation.NOBODY, InstallObserver.SILENT),
                (name, first, vectors) -> received.add(new Received(name, first, vectors)));
    }

    private EmbedResult embed(List<String> texts) throws Exception {
        return embed(TextSource.of(texts), Optional.empty(), 4, InstallConsent.NEVER);
    }

    private static List<String> texts(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t".repeat(i % 7 + 1)).toList();
    }

    private List<float[]> vectors() {
        return received.stream().flatMap(batch -> batch.vectors().stream()).toList();
    }

    private DaemonRecord running() {
        return ((DaemonState.Running) runtime.daemonStatusService().inspect()).daemon();
    }

    @Test
    void textsGoInBatchesAndComeBackInInputOrder() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);

        EmbedResult result = embed(texts(10));

        assertThat(result).isEqualTo(new EmbedResult.Embedded(EmbeddingModelSetting.DEFAULT, 10, 2));
        // Two batches are in flight at a time, so the daemon may see them in either order.
        assertThat(host.embedRequests()).containsExactlyInAnyOrder(4, 4, 2);
        assertThat(received).extracting(Received::firstIndex).containsExactly(0L, 4L, 8L);
        List<float[]> vectors = vectors();
        for (int i = 0; i < 10; i++) {
            assertThat(vectors.get(i)[0]).as("text " + i).isEqualTo(texts(10).get(i).length());
            assertThat(vectors.get(i)[1]).as("request of text " + i).isEqualTo(vectors.get(i / 4 * 4)[1]);
        }
    }

    @Test
    void aRunningDaemonIsReusedAndASecondRunStartsNothing() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        embed(texts(3));
        DaemonRecord first = running();

        assertThat(embed(texts(3))).isInstanceOf(EmbedResult.Embedded.class);

        assertThat(host.launches()).hasSize(1);
        assertThat(running()).isEqualTo(first);
        assertThat(first.model()).contains(EmbeddingModelSetting.DEFAULT);
    }

    @Test
    void aDaemonServingAnotherModelIsKeptUnlessAModelIsAskedFor() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        embed(TextSource.of(texts(2)), Optional.of("org/other"), 4, InstallConsent.NEVER);
        DaemonRecord other = running();
        assertThat(other.model()).contains("org/other");
        assertThat(host.launches().get(0).arguments()).containsSequence("--model", "org/other");

        assertThat(embed(texts(2))).isEqualTo(new EmbedResult.Embedded("org/other", 2, 2));
        assertThat(host.launches()).hasSize(1);

        runtime.variable(EmbeddingModelSetting.VARIABLE, "org/third");
        assertThat(embed(texts(2))).isEqualTo(new EmbedResult.Embedded("org/third", 2, 2));
        assertThat(host.launches()).hasSize(2);
        assertThat(host.isAlive(other.pid())).isFalse();
        assertThat(running().model()).contains("org/third");
    }

    @Test
    void emptyInputStartsAndInstallsNothing() throws Exception {
        assertThat(embed(List.of())).isEqualTo(new EmbedResult.NothingToEmbed());
        assertThat(embed(List.of(""))).isEqualTo(new EmbedResult.EmptyText(0));

        assertThat(host.launches()).isEmpty();
        assertThat(runtime.provisioners().asked()).isEmpty();
    }

    @Test
    void anEmptyTextEndsTheRunAfterTheTextsBeforeIt() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        List<String> texts = new ArrayList<>(texts(6));
        texts.set(5, "");

        assertThat(embed(texts)).isEqualTo(new EmbedResult.EmptyText(5));
        assertThat(vectors()).hasSize(5);
    }

    @Test
    void withoutConsentNothingIsInstalledAndStartSaysWhy() throws Exception {
        EmbedResult result = embed(texts(2));

        assertThat(result).isInstanceOf(EmbedResult.DaemonUnavailable.class);
        StartResult start = ((EmbedResult.DaemonUnavailable) result).start();
        assertThat(((StartResult.RuntimeUnavailable) start).ensure()).isInstanceOf(EnsureResult.NotAllowed.class);
        assertThat(host.launches()).isEmpty();
        assertThat(runtime.provisioners().asked()).isEmpty();
    }

    @Test
    void withConsentTheRuntimeIsInstalledWithEmbeddings() throws Exception {
        EmbedResult result = embed(TextSource.of(texts(2)), Optional.empty(), 4, InstallConsent.YES);

        assertThat(result).isInstanceOf(EmbedResult.Embedded.class);
        assertThat(runtime.committedManifest().orElseThrow().features().contains(Feature.LOCAL_EMBEDDINGS)).isTrue();
    }

    @Test
    void aModelThatCannotLoadGivesTheDaemonsSentence() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);

        EmbedResult result = embed(TextSource.of(texts(2)), Optional.of("missing/model"), 4, InstallConsent.NEVER);

        assertThat(result).isEqualTo(new EmbedResult.ModelUnavailable(
                "The embedding model missing/model is not in the cache. Fetch it online."));
    }

    @Test
    void aDaemonThatDiesMidStreamIsNamedAndTheNextRunStartsAnother() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        host.daemonDiesAfterEmbedRequests(2);

        EmbedResult result = embed(texts(20));

        // The third request to arrive finds it dead: the second or third batch, as two are in flight at a time.
        long dead = host.spawned().get(0);
        assertThat(result).isInstanceOf(EmbedResult.DaemonLost.class);
        EmbedResult.DaemonLost lost = (EmbedResult.DaemonLost) result;
        assertThat(lost.embedded()).isIn(4L, 8L).isEqualTo(vectors().size());
        assertThat(lost).isEqualTo(new EmbedResult.DaemonLost(lost.embedded(), dead, "Connection reset"));
        assertThat(runtime.daemonStatusService().inspect()).isInstanceOf(DaemonState.Stale.class);

        host.daemonDiesAfterEmbedRequests(Integer.MAX_VALUE);
        received.clear();
        assertThat(embed(texts(20))).isInstanceOf(EmbedResult.Embedded.class);
        assertThat(vectors()).hasSize(20);
        assertThat(host.launches()).hasSize(2);
        assertThat(running().pid()).isNotEqualTo(dead);
    }

    @Test
    void theInputIsReadAsItStreamsNotWhole() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        List<Integer> readBeforeEachRequest = new ArrayList<>();
        int[] read = {0};
        TextSource source = () -> {
            if (read[0] == 12) {
                return Optional.empty();
            }
            read[0]++;
            return Optional.of("text");
        };

        service().embed(new EmbedRequest(source, Optional.empty(), 4, InstallConsent.NEVER, Confirmation.NOBODY,
                InstallObserver.SILENT), (model, first, vectors) -> readBeforeEachRequest.add(read[0]));

        // Each batch is written when at most the batch after it, and one text more, was read.
        assertThat(readBeforeEachRequest).containsExactly(9, 12, 12);
    }

    @Test
    void theNextBatchIsSentWhileTheDaemonAnswersTheOneBeforeIt() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        CountDownLatch twoSent = new CountDownLatch(2);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Embeddings overlapping = (endpoint, texts) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                twoSent.countDown();
                // The first answer waits for the second request: only a pipeline gets past this.
                if (!twoSent.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("The second batch was not sent while the first was in flight");
                }
                return host.embed(endpoint, texts);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        EmbedResult result = new EmbedTextsService(runtime.startService(), overlapping).embed(new EmbedRequest(
                TextSource.of(texts(18)), Optional.empty(), 4, InstallConsent.NEVER, Confirmation.NOBODY,
                InstallObserver.SILENT), (name, first, vectors) -> received.add(new Received(name, first, vectors)));

        assertThat(result).isInstanceOf(EmbedResult.Embedded.class);
        assertThat(received).extracting(Received::firstIndex).containsExactly(0L, 4L, 8L, 12L, 16L);
        // One request the daemon runs and one waiting behind it, never more.
        assertThat(most).hasValue(2);
    }

    @Test
    void batchesStayUnderTheDaemonsBodyLimit() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        String large = "x".repeat(TextBatches.MAX_CHARACTERS / 3 + 1);

        embed(TextSource.of(Collections.nCopies(7, large)), Optional.empty(), 64, InstallConsent.NEVER);

        assertThat(host.embedRequests()).containsExactlyInAnyOrder(2, 2, 2, 1);
    }

    @Test
    void aRequestChecksItsBatchSizeAndModel() {
        assertThatThrownBy(() -> new EmbedRequest(TextSource.of(List.of()), Optional.empty(), 0, InstallConsent.NEVER,
                Confirmation.NOBODY, InstallObserver.SILENT)).hasMessage("The batch size must be between 1 and 2048, not 0");
        assertThatThrownBy(() -> new EmbedRequest(TextSource.of(List.of()), Optional.of(" "), 8, InstallConsent.NEVER,
                Confirmation.NOBODY, InstallObserver.SILENT)).hasMessageContaining("model name is empty");
    }

    @Test
    void aSinkThatCannotWriteStopsTheRun() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);

        assertThatThrownBy(() -> service().embed(new EmbedRequest(TextSource.of(texts(9)), Optional.empty(), 4,
                InstallConsent.NEVER, Confirmation.NOBODY, InstallObserver.SILENT), (model, first, vectors) -> {
                    throw new IOException("Broken pipe");
                })).isInstanceOf(IOException.class);
        // The batch in flight behind it, if it got out, is abandoned; nothing more is sent.
        assertThat(host.embedRequests()).hasSizeLessThanOrEqualTo(2).containsOnly(4);
    }
}
