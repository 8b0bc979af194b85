package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.FakeToolProbes;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorReport;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import org.junit.jupiter.api.Test;

class DiagnoseRuntimeServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();

    @Test
    void seedCaseUvFoundAssetVerifiedRuntimeNotInstalled() throws Exception {
        runtime.probes().uvFound("0.9.5");

        DoctorReport report = diagnose();

        assertThat(report.checks()).extracting(DoctorCheck::id, check -> check.status().id()).containsExactly(
                tuple("uv", "pass"), tuple("python", "pass"), tuple("asset", "pass"),
                tuple("runtime", "fail"), tuple("import", "warn"), tuple("daemon", "pass"));
        assertThat(check(report, "uv").detail()).isEqualTo("0.9.5 at /usr/local/bin/uv");
        assertThat(check(report, "runtime").fix()).contains(DoctorCheck.Fix.Command.INSTALL_RUNTIME);
        assertThat(check(report, "runtime").detail()).isEqualTo("No runtime manifest at " + runtime.layout().manifestPath());
        assertThat(check(report, "import").detail()).isEqualTo("Skipped: the runtime is not ready");
        assertThat(report.hasFailure()).isTrue();
    }

    @Test
    void aReadyRuntimeProvesItImportsAndNothingFails() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.of(Feature.LOCAL_EMBEDDINGS));

        DoctorReport report = diagnose();

        assertThat(check(report, "runtime").status()).isEqualTo(DoctorCheck.Status.PASS);
        assertThat(check(report, "import")).isEqualTo(
                DoctorCheck.pass("import", "Runtime import", "kaelio_ktx imports; ktx-daemon 0.1.0"));
        assertThat(runtime.probes().runtimeCalls()).containsExactly(
                new FakeToolProbes.RuntimeProbeCall(environment, FeatureSet.of(Feature.LOCAL_EMBEDDINGS)));
        assertThat(report.hasFailure()).isFalse();
    }

    @Test
    void aRuntimeThatDoesNotImportFailsWithAReinstallFix() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.probes().runtimeProbe(false, "ModuleNotFoundError: No module named 'kaelio_ktx'");

        DoctorCheck check = check(diagnose(), "import");

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(check.detail()).isEqualTo("ModuleNotFoundError: No module named 'kaelio_ktx'");
        assertThat(check.fix()).contains(DoctorCheck.Fix.Command.REINSTALL_RUNTIME);
    }

    @Test
    void theImportProbeRunsOnlyWhenTheRuntimeIsReady() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.daemonPath());

        DoctorReport report = diagnose();

        assertThat(check(report, "runtime").detail()).isEqualTo("Missing ktx-daemon executable: " + environment.daemonPath());
        assertThat(check(report, "import").status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(runtime.probes().runtimeCalls()).isEmpty();
    }

    @Test
    void uvMissingWithAUsablePythonWarns() throws Exception {
        DoctorReport report = diagnose();

        DoctorCheck uv = check(report, "uv");
        assertThat(uv.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(uv.detail()).isEqualTo("uv not found on PATH; installs use Python's venv and pip instead");
        assertThat(check(report, "python")).isEqualTo(DoctorCheck.pass("python", "Python interpreter",
                "Python 3.12.1 at /usr/bin/python3 satisfies >=3.10"));
    }

    @Test
    void uvForcedAndMissingFails() throws Exception {
        runtime.variable("KTX_PROVISIONER", "uv");

        DoctorCheck uv = check(diagnose(), "uv");

        assertThat(uv.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(uv.detail()).isEqualTo("uv not found on PATH and KTX_PROVISIONER is uv");
        assertThat(uv.fix()).contains(new DoctorCheck.Fix.Advice("Install uv, or set KTX_PROVISIONER=venv to use Python's venv and pip"));
    }

    @Test
    void anInvalidProvisionerVariableFailsTheUvCheck() throws Exception {
        runtime.variable("KTX_PROVISIONER", "pip").probes().uvFound("0.9.5");

        DoctorCheck uv = check(diagnose(), "uv");

        assertThat(uv.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(uv.detail()).isEqualTo("KTX_PROVISIONER names no provisioner");
        assertThat(uv.fix()).contains(new DoctorCheck.Fix.Advice("Set KTX_PROVISIONER to one of auto, uv, venv, or unset it"));
    }

    @Test
    void aPythonTooOldWithoutUvFailsBothWithFixesNamingTheRequirement() throws Exception {
        runtime.probes().pythonFound("3.8.10");

        DoctorReport report = diagnose();

        DoctorCheck uv = check(report, "uv");
        DoctorCheck python = check(report, "python");
        assertThat(uv.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(uv.fix()).contains(new DoctorCheck.Fix.Advice("Install uv, or Python >=3.10"));
        assertThat(python.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(python.detail()).isEqualTo("Python 3.8.10 at /usr/bin/python3 does not satisfy >=3.10");
        assertThat(python.fix()).contains(new DoctorCheck.Fix.Advice("Install Python >=3.10, or set KTX_PYTHON to one"));
    }

    @Test
    void aPythonTooOldOnlyWarnsWhenUvBuildsTheEnvironment() throws Exception {
        runtime.probes().uvFound("0.9.5").pythonFound("3.8.10");

        DoctorCheck python = check(diagnose(), "python");

        assertThat(python.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(python.detail()).endsWith("; uv provides the interpreter instead");
    }

    @Test
    void aPythonTooOldFailsWhenVenvIsForcedEvenWithUv() throws Exception {
        runtime.variable("KTX_PROVISIONER", "venv").probes().uvFound("0.9.5").pythonFound("3.8.10");

        assertThat(check(diagnose(), "python").status()).isEqualTo(DoctorCheck.Status.FAIL);
    }

    @Test
    void noPythonAndNoUvFailsBoth() throws Exception {
        runtime.probes().pythonMissing("No python3 or python on PATH");

        DoctorReport report = diagnose();

        assertThat(check(report, "uv").detail())
                .isEqualTo("uv not found on PATH, and no usable Python was found either");
        assertThat(check(report, "python").detail()).isEqualTo("No python3 or python on PATH");
        assertThat(check(report, "python").status()).isEqualTo(DoctorCheck.Status.FAIL);
    }

    @Test
    void aRejectedAssetFailsWithItsReasonAndAnyPythonWillDo() throws Exception {
        String reason = "Bundled Python runtime wheel checksum mismatch: " + FakeRuntime.wheelPath();
        runtime.assets().reject(reason);
        runtime.probes().pythonFound("3.8.10");

        DoctorReport report = diagnose();

        DoctorCheck asset = check(report, "asset");
        assertThat(asset.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(asset.detail()).isEqualTo(reason);
        assertThat(asset.fix()).contains(new DoctorCheck.Fix.Advice("Reinstall ktx: its bundled Python wheel is damaged or missing"));
        assertThat(check(report, "python").detail()).endsWith("satisfies any Python");
    }

    @Test
    void withoutAKnownRequirementTheFixAsksForPython3() throws Exception {
        runtime.assets().reject("Bundled Python runtime wheel is missing");
        runtime.probes().pythonMissing("No python3 or python on PATH");

        DoctorReport report = diagnose();

        assertThat(check(report, "python").fix()).contains(new DoctorCheck.Fix.Advice("Install Python 3, or set KTX_PYTHON to one"));
        assertThat(check(report, "uv").fix()).contains(new DoctorCheck.Fix.Advice("Install uv, or Python 3"));
    }

    @Test
    void theAssetCheckShowsTheVerifiedWheel() throws Exception {
        DoctorCheck asset = check(diagnose(), "asset");

        assertThat(asset.detail()).isEqualTo(FakeRuntime.wheelPath() + " (sha256 0123456789ab…, verified)");
    }

    @Test
    void aMismatchedRuntimeFailsTheRuntimeCheckAndSkipsTheImport() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        InstalledManifest ours = runtime.manifestFor(environment, FeatureSet.core());
        runtime.manifests().put(runtime.layout().manifestPath(), new InstalledManifest(1, "0.1.0", ours.installedAt(),
                ours.asset(), ours.features(), ours.python(), ours.installLog(), ours.provisioner()));

        DoctorReport report = diagnose();

        assertThat(check(report, "runtime").status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(check(report, "runtime").detail()).isEqualTo("Runtime is for CLI 0.1.0, current CLI is 0.2.0");
        assertThat(runtime.probes().runtimeCalls()).isEmpty();
    }

    private DoctorReport diagnose() throws InterruptedException {
        return runtime.doctorService().diagnose();
    }

    private static DoctorCheck check(DoctorReport report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in " + report));
    }
}
