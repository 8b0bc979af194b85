package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.ToolProbes.PythonFound;
import ai.kaelio.ktx.application.port.out.ToolProbes.PythonMissing;
import ai.kaelio.ktx.application.port.out.ToolProbes.PythonProbe;
import ai.kaelio.ktx.application.port.out.ToolProbes.RuntimeProbe;
import ai.kaelio.ktx.application.port.out.ToolProbes.UvFound;
import ai.kaelio.ktx.application.port.out.ToolProbes.UvMissing;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProcessToolProbesTest {

    @TempDir
    static Path shared;

    @RegisterExtension
    static final BuiltWheel WHEEL = new BuiltWheel();

    private static Path wheel;
    private static EnvironmentLayout installed;

    @TempDir
    Path dir;

    @BeforeAll
    static void installRuntime() throws Exception {
        wheel = WHEEL.path();
        installed = ProcessFixtures.installRuntime(shared.resolve("0.1.0"), wheel);
    }

    private static ProcessToolProbes probes(HostEnvironment host) {
        ProcessFixtures.Adapters adapters = ProcessFixtures.Adapters.on(host);
        return new ProcessToolProbes(adapters.uvLocator(), adapters.interpreters(), adapters.runner());
    }

    @Test
    void uvMissingFromPathSaysSo() throws Exception {
        assertThat(probes(host(Map.of("PATH", dir.toString()))).uv()).isEqualTo(new UvMissing("uv not found on PATH"));
    }

    @Test
    void uvNamedByKtxUvThatIsNotThereSaysWhichSetting() throws Exception {
        Path missing = dir.resolve("uv");
        assertThat(probes(host(Map.of("KTX_UV", missing.toString()))).uv())
                .isEqualTo(new UvMissing("KTX_UV=" + missing + " is not an executable"));
    }

    @Test
    void uvFoundReportsItsVersionLine() throws Exception {
        Path uv = ProcessFixtures.standInUv(dir, dir.resolve("calls.jsonl"), false);
        assertThat(probes(host(Map.of("PATH", dir.toString()))).uv()).isEqualTo(new UvFound(uv, "uv 0.9.5 (stand-in)"));
    }

    @Test
    void pythonFoundReportsTheRealInterpreterItsVersionAndPip() throws Exception {
        Path real = ProcessFixtures.realPython();
        ProcessFixtures.Output expected = ProcessFixtures.run(List.of(real.toString(), "-c",
                "import platform, pip; print(platform.python_version()); print(pip.__version__)"));
        List<String> versions = expected.text().lines().toList();

        PythonProbe probe = probes(host()).python();

        assertThat(probe).isInstanceOf(PythonFound.class);
        PythonFound found = (PythonFound) probe;
        assertThat(found.executable()).isEqualTo(real);
        assertThat(found.version()).hasToString(versions.get(0));
        assertThat(found.pipVersion()).contains(versions.get(1));
    }

    @Test
    void pythonNamedByKtxPythonThatIsNotThereIsMissing() throws Exception {
        Path missing = dir.resolve("python");
        assertThat(probes(host(Map.of("KTX_PYTHON", missing.toString()))).python())
                .isEqualTo(new PythonMissing("KTX_PYTHON=" + missing + " is not an executable Python"));
    }

    @Test
    void installedRuntimeImportsAndItsDaemonRuns() throws Exception {
        RuntimeProbe probe = probes(host()).runtime(installed, FeatureSet.core());
        assertThat(probe).isEqualTo(new RuntimeProbe(true, "kaelio_ktx 0.1.0 import; ktx-daemon 0.1.0 runs"));
    }

    @Test
    void featureWhosePackageIsNotInstalledFailsTheProbe() throws Exception {
        RuntimeProbe probe = probes(host()).runtime(installed, FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(probe.ok()).isFalse();
        assertThat(probe.detail()).isEqualTo("The runtime's Python cannot import the package: "
                + "ModuleNotFoundError: No module named 'numpy'");
    }

    @Test
    void runtimeWithoutItsPackageFilesFailsTheProbeInOneLine() throws Exception {
        EnvironmentLayout broken = ProcessFixtures.installRuntime(dir.resolve("0.1.0"), wheel);
        ProcessFixtures.deleteTree(ProcessFixtures.sitePackages(broken).resolve("kaelio_ktx"));

        RuntimeProbe probe = probes(host()).runtime(broken, FeatureSet.core());
        assertThat(probe.ok()).isFalse();
        assertThat(probe.detail()).isEqualTo("The runtime's Python cannot import the package: "
                + "ModuleNotFoundError: No module named 'kaelio_ktx'");
    }

    @Test
    void missingRuntimeFailsTheProbe() throws Exception {
        EnvironmentLayout nowhere = EnvironmentLayout.of(Platform.LINUX, dir.resolve("venv-gone"));
        RuntimeProbe probe = probes(host()).runtime(nowhere, FeatureSet.core());
        assertThat(probe.ok()).isFalse();
        assertThat(probe.detail()).startsWith("The runtime's Python cannot import the package: could not start ")
                .doesNotContain("\n");
    }
}
