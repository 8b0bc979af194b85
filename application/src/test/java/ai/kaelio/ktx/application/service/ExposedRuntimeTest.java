package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.RuntimeStatus;
import org.junit.jupiter.api.Test;

/** A runtime other users can write to could be swapped for their code: never ready, never installed into. */
class ExposedRuntimeTest {

    private final FakeRuntime runtime = new FakeRuntime();

    @Test
    void aRuntimeWhoseEnvironmentOthersCanWriteIsBrokenAndSaysHowToFixIt() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().exposeToOthers(environment.venvDir());

        RuntimeStatus status = runtime.statusService().inspect();

        assertThat(status).isInstanceOf(RuntimeStatus.Broken.class);
        assertThat(status.detail()).isEqualTo("Runtime directory can be changed by other users: " + environment.venvDir()
                + ". Make it private (chmod go-w), or set KTX_RUNTIME_ROOT to a private directory.");
    }

    @Test
    void installRefusesARootOthersCanWriteAndRunsNothing() throws Exception {
        runtime.files().directory(runtime.layout().runtimeRoot()).exposeToOthers(runtime.layout().runtimeRoot());

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isInstanceOf(InstallResult.Refused.class);
        assertThat(((InstallResult.Refused) result).reason()).startsWith("Refusing to install into " + runtime.layout().runtimeRoot());
        assertThat(runtime.provisioner().requests()).isEmpty();
    }
}
