package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static ai.kaelio.ktx.adapters.process.ProcessFixtures.loggedCommands;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Failed;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Outcome;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Provisioned;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Refused;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Request;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class VenvProvisionerTest {

    @RegisterExtension
    static final BuiltWheel WHEEL = new BuiltWheel();

    private static Path wheel;

    @TempDir
    Path versionDir;

    @TempDir
    Path assetDir;

    private final List<InstallStep> steps = new ArrayList<>();

    @BeforeAll
    static void findWheel() {
        wheel = WHEEL.path();
    }

    private Request request(Path wheelPath) {
        return ProcessFixtures.request(versionDir, wheelPath, FeatureSet.core(), steps);
    }

    @Test
    void fastPathCreatesAPiplessVenvAndInstallsWithTheHostsPip() throws Exception {
        Request request = request(wheel);
        Outcome outcome = ProcessFixtures.Adapters.on(host()).venv().provision(request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog())).isInstanceOf(Provisioned.class);
        Path python = ProcessFixtures.realPython();
        String venvPython = request.environment().pythonPath().toString();
        assertThat(((Provisioned) outcome).info()).isEqualTo(new ProvisionerInfo("venv", pythonVersion(python)));
        assertThat(steps).containsExactly(InstallStep.CREATE_ENVIRONMENT, InstallStep.INSTALL_PACKAGES);
        // Exactly the four commands that ran, each logged as "$ …": probe, create, install, the daemon's launcher.
        List<String> commands = loggedCommands(request.installLog());
        assertThat(commands).hasSize(4);
        assertThat(commands.get(0)).endsWith("python3 -c " + InstallLog.render(List.of(PythonInterpreters.PROBE_SCRIPT)));
        // The multi-line probe script stays on its "$ " line instead of reading as output.
        assertThat(Files.readString(request.installLog())).doesNotContainPattern("(?m)^(import sys|print\\()");
        assertThat(commands.get(1)).isEqualTo(python + " -m venv --without-pip " + request.environment().venvDir());
        // The host pip's own runner, started under the new environment's Python: pip --python minus its detour.
        Path pipRunner = pipRunner(python);
        assertThat(commands.get(2)).startsWith(venvPython + " " + pipRunner + " install ")
                .endsWith(" " + wheel);
        assertThat(commands.get(3)).isEqualTo(request.environment().daemonPath() + " --version");
        assertThat(Files.readAllLines(request.environment().daemonPath()).get(0)).as("pip's launcher for a short plain path")
                .isEqualTo("#!" + venvPython);
        assertWorkingRuntime(request);
    }

    @Test
    void fastPathWithoutThePipRunnerAsksTheHostsPipToInstallWithPython() {
        Path python = Path.of("/usr/bin/python3");
        assertThat(VenvProvisioner.pipInstall(python, "/v/bin/python", Optional.empty(), true))
                .containsExactly("/usr/bin/python3", "-m", "pip", "--python", "/v/bin/python", "install");
        assertThat(VenvProvisioner.pipInstall(python, "/v/bin/python", Optional.of(Path.of("/p/__pip-runner__.py")), true))
                .containsExactly("/v/bin/python", "/p/__pip-runner__.py", "install");
        assertThat(VenvProvisioner.pipInstall(python, "/v/bin/python", Optional.of(Path.of("/p/__pip-runner__.py")), false))
                .containsExactly("/v/bin/python", "-m", "pip", "install");
    }

    private static Path pipRunner(Path python) throws Exception {
        ProcessFixtures.Output output = ProcessFixtures.run(List.of(python.toString(), "-c",
                "import os, pip; print(os.path.join(os.path.dirname(pip.__file__), '__pip-runner__.py'))"));
        return Path.of(output.text().strip());
    }

    @Test
    void classicPathBootstrapsPipIntoTheVenvAndInstallsWithIt() throws Exception {
        ProcessFixtures.Adapters adapters = ProcessFixtures.Adapters.on(host());
        Request request = request(wheel);
        Outcome outcome = new VenvProvisioner(adapters.interpreters(), adapters.runner(), adapters.launcher(), false).provision(request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog())).isInstanceOf(Provisioned.class);
        List<String> commands = loggedCommands(request.installLog());
        assertThat(commands).hasSize(4);
        assertThat(commands.get(1)).isEqualTo(ProcessFixtures.realPython() + " -m venv " + request.environment().venvDir());
        assertThat(commands.get(2)).startsWith(request.environment().pythonPath() + " -m pip install ");
        assertThat(request.environment().venvDir().resolve("bin/pip")).exists();
        assertWorkingRuntime(request);
    }

    @Test
    void tooOldInterpreterIsRefusedByNameVersionAndRequirementBeforeCreatingAnything() throws Exception {
        Path old = ProcessFixtures.pyenvPython("3.8.18");
        Request request = request(wheel);
        Outcome outcome = ProcessFixtures.Adapters.on(host(Map.of("KTX_PYTHON", old.toString()))).venv().provision(request);

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).reason())
                .startsWith("Python 3.8.18 at " + old + " does not satisfy the runtime's Requires-Python >=3.10.")
                .doesNotContain("\n");
        assertThat(request.environment().venvDir()).doesNotExist();
        assertThat(steps).isEmpty();
    }

    @Test
    void interpreterThatDoesNotExistIsRefused() throws Exception {
        Path missing = versionDir.resolve("no/such/python");
        Request request = request(wheel);
        Outcome outcome = ProcessFixtures.Adapters.on(host(Map.of("KTX_PYTHON", missing.toString()))).venv().provision(request);

        assertThat(outcome).isEqualTo(new Refused("KTX_PYTHON=" + missing
                + " is not an executable Python. Install Python >=3.10, or set KTX_PYTHON to one."));
        assertThat(request.environment().venvDir()).doesNotExist();
    }

    @Test
    void failingPipReturnsTheCommandAndItsLastLinesAndLogsEverything() throws Exception {
        Path corrupt = Files.write(assetDir.resolve(ProcessFixtures.WHEEL_FILE), "not a zip".getBytes(StandardCharsets.UTF_8));
        Request request = request(corrupt);
        Outcome outcome = ProcessFixtures.Adapters.on(host()).venv().provision(request);

        assertThat(outcome).isInstanceOf(Failed.class);
        Failed failed = (Failed) outcome;
        assertThat(failed.command()).contains("__pip-runner__.py install ").endsWith(" install --disable-pip-version-check --no-input "
                + corrupt);
        assertThat(failed.outputTail()).isNotEmpty().anySatisfy(line -> assertThat(line).contains("ERROR"));
        String log = Files.readString(request.installLog());
        assertThat(log).contains("$ " + failed.command() + "\n");
        failed.outputTail().forEach(line -> assertThat(log).contains(line));
        assertThat(loggedCommands(request.installLog())).as("no launcher to check after a failed pip").hasSize(3);
    }

    @Test
    void aSpacedRuntimeRootWithADollarIsRefusedBeforeAnythingRunsOrIsWritten() throws Exception {
        Path root = versionDir.resolve("D sp $HOME x");
        Request request = request(root.resolve("0.1.0"), wheel);

        Outcome outcome = ProcessFixtures.Adapters.on(host()).venv().provision(request);

        assertThat(outcome).isEqualTo(new Refused("Cannot install under " + root.resolve("0.1.0") + ": its path has a space,"
                + " so pip's ktx-daemon launcher would start through /bin/sh, which reads the $ in it as shell syntax;"
                + " choose a runtime root without $, \", ` or \\ (set KTX_RUNTIME_ROOT)."));
        assertThat(root).doesNotExist();
        assertThat(steps).isEmpty();
    }

    @Test
    void aLongRuntimeRootWithABackquoteIsRefusedToo() throws Exception {
        Path root = versionDir.resolve("a`b" + "x".repeat(130 - versionDir.toString().length()));
        Request request = request(root.resolve("0.1.0"), wheel);

        Outcome outcome = ProcessFixtures.Adapters.on(host()).venv().provision(request);

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).reason()).contains(": its path is longer than a #! line may be,")
                .contains("reads the ` in it").doesNotContain("\n");
    }

    @Test
    void aDollarInAShortPathWithoutSpacesGetsAPlainLauncherAndInstalls() throws Exception {
        Request request = request(versionDir.resolve("d$x/0.1.0"), wheel);

        Outcome outcome = ProcessFixtures.Adapters.on(host()).venv().provision(request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog())).isInstanceOf(Provisioned.class);
        assertWorkingRuntime(request);
    }

    private Request request(Path dir, Path wheelPath) {
        return ProcessFixtures.request(dir, wheelPath, FeatureSet.core(), steps);
    }

    private static void assertWorkingRuntime(Request request) throws Exception {
        assertThat(request.environment().pythonPath()).isExecutable();
        assertThat(request.environment().daemonPath()).isExecutable();
        ProcessFixtures.Output version = ProcessFixtures.run(List.of(request.environment().daemonPath().toString(), "--version"));
        assertThat(version).isEqualTo(new ProcessFixtures.Output(0, "ktx-daemon 0.1.0\n"));
    }

    private static String pythonVersion(Path python) throws Exception {
        return ProcessFixtures.run(List.of(python.toString(), "-c", "import platform; print(platform.python_version())"))
                .text().strip();
    }
}
