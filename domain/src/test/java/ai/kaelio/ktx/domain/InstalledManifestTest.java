package ai.kaelio.ktx.domain;

import static ai.kaelio.ktx.domain.Manifests.ENVIRONMENT;
import static ai.kaelio.ktx.domain.Manifests.LAYOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstalledManifestTest {

    @Test
    void theEnvironmentIsTheOneThePythonExecutableLivesIn() {
        InstalledManifest manifest = Manifests.installed(FeatureSet.core());

        assertThat(manifest.environment(Platform.LINUX)).isEqualTo(ENVIRONMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "/python", "bin/python"})
    void anExecutableOutsideAnyEnvironmentIsInvalid(String python) {
        assertThatThrownBy(() -> new InstalledManifest.Executables(Path.of(python), ENVIRONMENT.daemonPath()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("python.executable is not inside a virtual environment: " + python);
    }

    @Test
    void executablesAreRequired() {
        assertThatThrownBy(() -> new InstalledManifest.Executables(null, ENVIRONMENT.daemonPath()))
                .isInstanceOf(NullPointerException.class).hasMessage("python.executable");
        assertThatThrownBy(() -> new InstalledManifest.Executables(ENVIRONMENT.pythonPath(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("python.daemonExecutable");
    }

    @Test
    void onlySchemaVersionOneIsUnderstood() {
        InstalledManifest valid = Manifests.installed(FeatureSet.core());

        assertThatThrownBy(() -> new InstalledManifest(2, valid.cliVersion(), valid.installedAt(), valid.asset(),
                valid.features(), valid.python(), valid.installLog(), valid.provisioner()))
                .hasMessage("unsupported schemaVersion 2 (expected 1)");
    }

    @Test
    void cliVersionMustNotBeBlankAndOtherFieldsMustBePresent() {
        InstalledManifest valid = Manifests.installed(FeatureSet.core());

        assertThatThrownBy(() -> new InstalledManifest(1, " ", valid.installedAt(), valid.asset(),
                valid.features(), valid.python(), valid.installLog(), valid.provisioner()))
                .hasMessage("cliVersion must be a non-empty string");
        assertThatThrownBy(() -> new InstalledManifest(1, "0.2.0", null, valid.asset(),
                valid.features(), valid.python(), valid.installLog(), valid.provisioner()))
                .isInstanceOf(NullPointerException.class).hasMessage("installedAt");
        assertThatThrownBy(() -> new InstalledManifest(1, "0.2.0", Instant.EPOCH, valid.asset(),
                valid.features(), valid.python(), LAYOUT.installLogPath(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("provisioner");
    }

    @Test
    void aManifestWithoutProvisionerIsStillValid() {
        InstalledManifest valid = Manifests.installed(FeatureSet.core());

        InstalledManifest older = new InstalledManifest(1, "0.2.0", valid.installedAt(), valid.asset(),
                valid.features(), valid.python(), valid.installLog(), Optional.empty());

        assertThat(older.provisioner()).isEmpty();
    }

    @Test
    void provisionerInfoNeedsANameAndAVersion() {
        assertThatThrownBy(() -> new ProvisionerInfo("", "0.9.5")).hasMessage("provisioner.name must be a non-empty string");
        assertThatThrownBy(() -> new ProvisionerInfo("uv", null)).hasMessage("provisioner.version must be a non-empty string");
    }
}
