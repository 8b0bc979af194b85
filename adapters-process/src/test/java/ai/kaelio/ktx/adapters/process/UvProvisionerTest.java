package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.call;
import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static ai.kaelio.ktx.adapters.process.ProcessFixtures.recordedCalls;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Failed;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Outcome;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Provisioned;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Refused;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Request;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UvProvisionerTest {

    @RegisterExtension
    static final BuiltWheel WHEEL = new BuiltWheel();

    private static Path wheel;

    @TempDir
    Path versionDir;

    @TempDir
    Path tools;

    private final List<InstallStep> steps = new ArrayList<>();

    @BeforeAll
    static void findWheel() {
        wheel = WHEEL.path();
    }

    private Path record() {
        return tools.resolve("calls.jsonl");
    }

    private Outcome provision(Path uv, Request request) throws Exception {
        return ProcessFixtures.Adapters.on(host()).uv(uv).provision(request);
    }

    @Test
    void runsVersionThenVenvThenPipInstallAndRecordsUvsVersion() throws Exception {
        Path uv = ProcessFixtures.standInUv(tools, record(), false);
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.core(), steps);
        Outcome outcome = provision(uv, request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog()))
                .isEqualTo(new Provisioned(new ProvisionerInfo("uv", "0.9.5")));
        assertThat(recordedCalls(record())).containsExactly(
                call("--version"),
                call("venv", request.environment().venvDir()),
                call("pip", "install", "--python", request.environment().pythonPath(), wheel));
        assertThat(steps).containsExactly(InstallStep.CREATE_ENVIRONMENT, InstallStep.INSTALL_PACKAGES);
        assertThat(ProcessFixtures.loggedCommands(request.installLog())).containsExactly(
                uv + " --version",
                uv + " venv " + request.environment().venvDir(),
                uv + " pip install --python " + request.environment().pythonPath() + " " + wheel,
                request.environment().daemonPath() + " --version");
        ProcessFixtures.Output version = ProcessFixtures.run(List.of(request.environment().daemonPath().toString(), "--version"));
        assertThat(version.text()).isEqualTo("ktx-daemon 0.1.0\n");
    }

    @Test
    void extraFeaturesAreRequestedAsWheelExtras() throws Exception {
        Path uv = ProcessFixtures.standInUv(tools, record(), false);
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.of(Feature.LOCAL_EMBEDDINGS), steps);
        Outcome outcome = provision(uv, request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog())).isInstanceOf(Provisioned.class);
        assertThat(recordedCalls(record())).last()
                .isEqualTo(call("pip", "install", "--python", request.environment().pythonPath(), wheel + "[local-embeddings]"));
    }

    @Test
    void failingUvVenvStopsThereAndLogsTheCommandAndWhatUvSaid() throws Exception {
        Path uv = ProcessFixtures.standInUv(tools, record(), true);
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.core(), steps);
        Outcome outcome = provision(uv, request);

        String create = uv + " venv " + request.environment().venvDir();
        assertThat(outcome).isEqualTo(new Failed(create, List.of("error: bad python")));
        assertThat(Files.readString(request.installLog())).contains("$ " + create + "\n").contains("bad python");
        assertThat(recordedCalls(record())).hasSize(2);
        assertThat(steps).containsExactly(InstallStep.CREATE_ENVIRONMENT);
    }

    @Test
    void aDaemonLauncherThatDoesNotStartFailsTheInstallWithItsCommandAndOutput() throws Exception {
        Path uv = ProcessFixtures.standInUv(tools, record(), false);
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.core(), steps);
        Path daemon = request.environment().daemonPath();
        // What pip reported as installed, with an entry point that cannot import its package.
        Path brokenUv = Files.writeString(tools.resolve("broken-uv"), String.join("\n", "#!/bin/sh",
                "\"" + uv + "\" \"$@\" || exit",
                "if [ \"$1\" = pip ]; then printf '#!/bin/sh\\necho \"ModuleNotFoundError: kaelio_ktx\" >&2\\nexit 1\\n' > \"" + daemon + "\"; fi",
                ""));
        ProcessFixtures.makeExecutable(brokenUv);

        Outcome outcome = provision(brokenUv, request);

        assertThat(outcome).isEqualTo(new Failed(daemon + " --version", List.of("ModuleNotFoundError: kaelio_ktx")));
        assertThat(Files.readString(request.installLog())).contains("$ " + daemon + " --version\n")
                .contains("ModuleNotFoundError: kaelio_ktx\n# exit 1 ");
    }

    @Test
    void aLauncherThatTheShellBreaksOnARuntimeRootsDollarIsRefusedNamingTheRootFix() throws Exception {
        // The stand-in installs with pip, which quotes the path in double quotes (real uv uses single quotes).
        Path uv = ProcessFixtures.standInUv(tools, record(), false);
        Path spaced = Files.createDirectories(versionDir.resolve("D sp $HOME x/0.1.0"));
        Request request = ProcessFixtures.request(spaced, wheel, FeatureSet.core(), steps);

        Outcome outcome = provision(uv, request);

        Path daemon = request.environment().daemonPath();
        assertThat(Files.readAllLines(daemon).get(0)).as("pip's launcher for a path with a space").isEqualTo("#!/bin/sh");
        assertThat(outcome).isEqualTo(new Refused("The ktx-daemon launcher " + daemon + " does not start: it starts"
                + " through /bin/sh, which reads the $ in its path as shell syntax; choose a runtime root without"
                + " $, \", ` or \\ (set KTX_RUNTIME_ROOT)."));
        assertThat(ProcessFixtures.loggedCommands(request.installLog())).last().isEqualTo("'" + daemon + "' --version");
    }

    @Test
    void uvThatDoesNotRunFailsAtItsVersion() throws Exception {
        Path uv = Files.writeString(tools.resolve("uv"), "#!/bin/sh\necho 'uv: cannot execute binary file' >&2\nexit 126\n");
        ProcessFixtures.makeExecutable(uv);
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.core(), steps);
        assertThat(provision(uv, request)).isEqualTo(new Failed(uv + " --version", List.of("uv: cannot execute binary file")));
        assertThat(steps).isEmpty();
    }

    @Test
    void realUvInstallsTheWheel() throws Exception {
        Optional<Path> uv = new ExecutableFinder(host()).find("uv");
        Assumptions.assumeTrue(uv.isPresent(), "uv is not on PATH here; this test runs the real uv where it is installed");
        Request request = ProcessFixtures.request(versionDir, wheel, FeatureSet.core(), steps);
        Outcome outcome = provision(uv.get(), request);

        assertThat(outcome).as(() -> ProcessFixtures.log(request.installLog())).isInstanceOf(Provisioned.class);
        assertThat(((Provisioned) outcome).info().version()).matches("\\d+\\.\\d+\\.\\d+.*");
        ProcessFixtures.Output version = ProcessFixtures.run(List.of(request.environment().daemonPath().toString(), "--version"));
        assertThat(version.text()).isEqualTo("ktx-daemon 0.1.0\n");
    }

    @Test
    void versionIsTheSecondWordOfUvsFirstLine() {
        assertThat(UvProvisioner.versionOf(List.of("uv 0.9.5 (d5f39331a 2025-10-21)"))).isEqualTo("0.9.5");
        assertThat(UvProvisioner.versionOf(List.of("uv 0.9.5"))).isEqualTo("0.9.5");
        assertThat(UvProvisioner.versionOf(List.of("  uv   0.4.0  ", "ignored"))).isEqualTo("0.4.0");
        assertThat(UvProvisioner.versionOf(List.of("something-else 1.0"))).isEqualTo("something-else 1.0");
        assertThat(UvProvisioner.versionOf(List.of(""))).isEqualTo("unknown");
        assertThat(UvProvisioner.versionOf(List.of())).isEqualTo("unknown");
    }
}
