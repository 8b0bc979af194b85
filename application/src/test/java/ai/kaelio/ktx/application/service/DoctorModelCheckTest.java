package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ServedModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The embedding model in doctor and status: which one, where its files are, what the daemon says of it. */
class DoctorModelCheckTest {

    private static final FeatureSet EMBEDDINGS = FeatureSet.of(Feature.LOCAL_EMBEDDINGS);

    private final FakeRuntime runtime = new FakeRuntime();

    private DoctorCheck modelCheck() throws Exception {
        return runtime.doctorService().diagnose().check("model").orElseThrow();
    }

    @Test
    void aModelNeitherCachedNorADirectoryWarnsWhenOfflineWithTheFix() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        runtime.variable("HF_HUB_OFFLINE", "1");

        DoctorCheck check = modelCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).startsWith(EmbeddingModelSetting.DEFAULT + " is neither a local directory nor in the"
                + " Hugging Face cache").endsWith("and HF_HUB_OFFLINE is set: ktx embed cannot fetch it");
        assertThat(check.fix()).contains(new DoctorCheck.Fix.Advice("Unset HF_HUB_OFFLINE for its first download, or set KTX_EMBEDDING_MODEL to a"
                + " local model directory"));
        assertThat(runtime.doctorService().diagnose().hasFailure()).isFalse();
    }

    @Test
    void onlineAModelNotCachedYetPassesSayingTheFirstEmbedFetchesIt() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        runtime.variable("HF_HUB_OFFLINE", "0");

        assertThat(modelCheck().status()).isEqualTo(DoctorCheck.Status.PASS);
        assertThat(modelCheck().detail()).contains("the first ktx embed downloads it");
    }

    @Test
    void theConfiguredModelIsTheOneLookedUp() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        runtime.variable(EmbeddingModelSetting.VARIABLE, "/models/mini");
        runtime.modelFiles(name -> new ModelFiles.Location(
                name.equals("/models/mini") ? EmbeddingModelStatus.Source.DIRECTORY : EmbeddingModelStatus.Source.NOT_CACHED,
                Path.of(name)));

        assertThat(modelCheck()).isEqualTo(DoctorCheck.pass("model", "embedding model", "/models/mini: a local directory"));
    }

    @Test
    void aCoreRuntimeHasNoModelCheck() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        assertThat(runtime.doctorService().diagnose().check("model")).isEmpty();
    }

    @Test
    void aRunningDaemonsModelIsTheOneShownWithWhatItSays() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        runtime.startService().start(new StartRequest(EMBEDDINGS, Optional.of("org/served"), false, InstallConsent.NEVER,
                Confirmation.NOBODY, InstallObserver.SILENT));
        DaemonState daemon = runtime.daemonStatusService().inspect();

        EmbeddingModelStatus status = runtime.modelService().inspect(daemon);

        assertThat(status.name()).isEqualTo("org/served");
        assertThat(status.served()).contains(new ServedModel("org/served", false, OptionalInt.empty()));
        assertThat(modelCheck().detail()).endsWith("; the daemon serves it, not loaded yet");

        runtime.variable(EmbeddingModelSetting.VARIABLE, "org/configured");
        EmbeddingModelStatus configured = runtime.modelService().inspect(daemon);
        assertThat(configured.name()).isEqualTo("org/configured");
        assertThat(configured.served()).isEmpty();
    }

    @Test
    void withoutADaemonNothingIsAsked() throws Exception {
        EmbeddingModelStatus status = runtime.modelService().inspect(runtime.daemonStatusService().inspect());

        assertThat(status).isEqualTo(new EmbeddingModelStatus(EmbeddingModelSetting.DEFAULT, EmbeddingModelStatus.Source.NOT_CACHED,
                FakeRuntime.HOME.resolve(".cache/huggingface/hub/models--sentence-transformers--all-MiniLM-L6-v2"), Optional.empty()));
    }
}
