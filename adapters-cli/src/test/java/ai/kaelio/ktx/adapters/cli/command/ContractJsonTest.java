package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.ActivationResult;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorReport;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeActivation;
import ai.kaelio.ktx.domain.RuntimeStatus;
import ai.kaelio.ktx.domain.ServedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Every {@code --json} document of the contract, parsed and compared with its golden file in
 * {@code src/test/resources/json/}: values, types and field order, whatever the whitespace. To accept a
 * deliberate change, run with {@code -Dktx.json.update=true} and review the files' diff.
 */
class ContractJsonTest {

    private static final Path GOLDEN = Path.of("src/test/resources/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path STATE = CliHarness.LAYOUT.daemonStatePath();
    private static final DaemonRecord DAEMON = new DaemonRecord(4242, new DaemonEndpoint("127.0.0.1", 40123, "secret-token"),
            "0.1.0", FeatureSet.of(Feature.LOCAL_EMBEDDINGS), Instant.parse("2026-05-01T10:00:00Z"),
            Instant.parse("2026-05-01T09:59:59.870Z"), CliHarness.LAYOUT.daemonLogPath(), CliHarness.ENVIRONMENT.daemonPath(),
            Optional.empty(), Optional.of(EmbeddingModelSetting.DEFAULT));

    @Test
    void statusOfAMissingRuntime() throws IOException {
        matches("status-missing", new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT)),
                "runtime", "status", "--json");
    }

    @Test
    void statusOfAReadyRuntimeWithARunningDaemonAndItsModel() throws IOException {
        var manifest = CliHarness.manifest(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        matches("status-running", new CliHarness()
                        .inspect(() -> new RuntimeStatus.Ready(CliHarness.LAYOUT, manifest))
                        .inspectDaemon(() -> new DaemonState.Running(STATE, DAEMON))
                        .embeddingModel(daemon -> new EmbeddingModelStatus(EmbeddingModelSetting.DEFAULT,
                                EmbeddingModelStatus.Source.CACHE, Path.of("/home/ktx-test/.cache/huggingface/hub/m"),
                                Optional.of(new ServedModel(EmbeddingModelSetting.DEFAULT, true, OptionalInt.of(384))))),
                "runtime", "status", "--json");
    }

    @Test
    void statusOfDaemonsNoRecordNames() throws IOException {
        var unrecorded = new DaemonState.Unrecorded(STATE, STATE, "Daemon state is invalid: the document ends too early",
                List.of(new ProcessSnapshot(5151, Optional.empty(), List.of("/v/bin/ktx-daemon", "serve-http"), Optional.empty(), Optional.empty())));
        matches("status-unrecorded", new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT))
                .inspectDaemon(() -> unrecorded), "runtime", "status", "--json");
    }

    @Test
    void install() throws IOException {
        matches("install", new CliHarness().install(request ->
                new InstallResult.Installed(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core()))),
                "runtime", "install", "--json");
    }

    @Test
    void doctor() throws IOException {
        matches("doctor", new CliHarness().diagnose(() -> new DoctorReport(List.of(
                DoctorCheck.pass("asset", "Bundled Python wheel", "verified"),
                DoctorCheck.warn("uv", "uv", "uv not found; installs use Python's venv and pip instead"),
                DoctorCheck.fail("runtime", "Managed Python runtime", "No runtime manifest", "Run: ktx runtime install --yes")))),
                "runtime", "doctor", "--json");
    }

    @Test
    void prune() throws IOException {
        matches("prune", new CliHarness().prune(request -> new PruneResult(Path.of("/runtime"), false,
                List.of(Path.of("/runtime/0.1.0")),
                List.of(new PruneResult.Kept(Path.of("/runtime/0.0.9"), "a KTX daemon runs from it (pid 77)")),
                List.of(new PruneResult.Failed(Path.of("/runtime/0.0.8"), "Permission denied")))),
                "runtime", "prune", "--yes", "--json");
    }

    @Test
    void start() throws IOException {
        matches("start", new CliHarness().start(request -> new StartResult.Started(DAEMON, STATE)), "runtime", "start", "--json");
    }

    @Test
    void stop() throws IOException {
        matches("stop", new CliHarness().stop(request -> new StopResult(STATE,
                List.of(new StopResult.Stopped(4242, StopResult.How.TERMINATED, true)),
                List.of(new StopResult.Failed(5151, "Operation not permitted")),
                Optional.of(new StopResult.StaleState(STATE, "The KTX daemon's process 4242 is gone")))),
                "runtime", "stop", "--json");
    }

    @Test
    void env() throws IOException {
        var activation = RuntimeActivation.of(
                new HostEnvironment(Platform.LINUX, Map.of("PATH", "/usr/bin:/bin", "PYTHONHOME", "/x"), Path.of("/home/alex")),
                CliHarness.ENVIRONMENT);
        matches("env", new CliHarness().activate(request -> new ActivationResult.Activated(activation)), "runtime", "env", "--json");
    }

    private static void matches(String name, CliHarness harness, String... args) throws IOException {
        CliHarness.Result result = harness.run(args);
        Path golden = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("ktx.json.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, result.out(), StandardCharsets.UTF_8);
        }
        JsonNode actual = JSON.readTree(result.out());
        JsonNode expected = JSON.readTree(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
        // Objects compare without order; the contract lists its fields in one, and the text of the parsed trees keeps it.
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }
}
