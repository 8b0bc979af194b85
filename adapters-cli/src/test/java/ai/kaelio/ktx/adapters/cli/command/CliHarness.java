package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.adapters.cli.commandline.CliVersionProvider;
import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.application.port.in.ActivateRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectEmbeddingModelUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.LocateCommandUseCase;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs the real command tree with use cases replaced by fakes, capturing stdout, stderr and the exit code. */
public final class CliHarness {

    static final CliVersion VERSION = new CliVersion("0.2.0");
    public static final RuntimeLayout LAYOUT = RuntimeLayout.of(VERSION, Platform.LINUX, Path.of("/runtime"), Path.of("/assets/python"));

    /** A {@code --json} document, parsed: tests compare values, not whitespace. */
    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** What a command that may not install is told when nothing is installed. */
    public static EnsureResult.NotAllowed notInstalled() {
        return new EnsureResult.NotAllowed(new RuntimeStatus.Missing(LAYOUT), FeatureSet.core());
    }
    static final HostEnvironment HOST = new HostEnvironment(Platform.LINUX, Map.of(), Path.of("/home/ktx-test"));
    static final EnvironmentLayout ENVIRONMENT = LAYOUT.environment("20260101T000000-abcdef");

    private InstallRuntimeUseCase install = request -> {
        throw new AssertionError("install was not expected");
    };
    private InspectRuntimeUseCase inspect = () -> {
        throw new AssertionError("status was not expected");
    };
    private DiagnoseRuntimeUseCase diagnose = () -> {
        throw new AssertionError("doctor was not expected");
    };
    private PruneRuntimesUseCase prune = request -> {
        throw new AssertionError("prune was not expected");
    };
    private ExecInRuntimeUseCase exec = request -> {
        throw new AssertionError("exec was not expected");
    };
    private Confirmation confirmation = question -> {
        throw new AssertionError("no question was expected: " + question);
    };

    /** Status shows the daemon too; unless a test says otherwise, none runs. */
    private InspectDaemonUseCase inspectDaemon = () -> new DaemonState.Stopped(LAYOUT.daemonStatePath());
    private StartDaemonUseCase start = request -> {
        throw new AssertionError("start was not expected");
    };
    private StopDaemonUseCase stop = request -> {
        throw new AssertionError("stop was not expected");
    };
    /** Where embeddings are installed, status shows the default model, not yet cached. */
    private InspectEmbeddingModelUseCase embeddingModel = daemon -> new EmbeddingModelStatus(EmbeddingModelSetting.DEFAULT,
            EmbeddingModelStatus.Source.NOT_CACHED,
            HOST.home().resolve(".cache/huggingface/hub/models--sentence-transformers--all-MiniLM-L6-v2"), Optional.empty());

    CliHarness embeddingModel(InspectEmbeddingModelUseCase useCase) {
        this.embeddingModel = useCase;
        return this;
    }

    private EmbedTextsUseCase embed = (request, sink) -> {
        throw new AssertionError("embed was not expected");
    };

    CliHarness embed(EmbedTextsUseCase useCase) {
        this.embed = useCase;
        return this;
    }

    CliHarness inspectDaemon(InspectDaemonUseCase useCase) {
        this.inspectDaemon = useCase;
        return this;
    }

    CliHarness start(StartDaemonUseCase useCase) {
        this.start = useCase;
        return this;
    }

    CliHarness stop(StopDaemonUseCase useCase) {
        this.stop = useCase;
        return this;
    }

    /** Not a terminal, unless a test says otherwise; stdin is what the test types. */
    private HostTerminal terminal = new HostTerminal(false, false, InputStream.nullInputStream());

    public CliHarness terminal(HostTerminal fake) {
        this.terminal = fake;
        return this;
    }

    CliHarness stdin(String text) {
        this.terminal = new HostTerminal(false, false, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public CliHarness install(InstallRuntimeUseCase useCase) {
        this.install = useCase;
        return this;
    }

    public CliHarness inspect(InspectRuntimeUseCase useCase) {
        this.inspect = useCase;
        return this;
    }

    CliHarness diagnose(DiagnoseRuntimeUseCase useCase) {
        this.diagnose = useCase;
        return this;
    }

    CliHarness prune(PruneRuntimesUseCase useCase) {
        this.prune = useCase;
        return this;
    }

    private ActivateRuntimeUseCase activate = request -> {
        throw new AssertionError("env was not expected");
    };
    private LocateCommandUseCase locate = command -> {
        throw new AssertionError("which was not expected");
    };
    private HostEnvironment host = HOST;

    CliHarness activate(ActivateRuntimeUseCase useCase) {
        this.activate = useCase;
        return this;
    }

    CliHarness locate(LocateCommandUseCase useCase) {
        this.locate = useCase;
        return this;
    }

    /** The host's variables, as the commands that read them see them. */
    CliHarness host(Map<String, String> variables) {
        this.host = new HostEnvironment(HOST.platform(), variables, HOST.accountHome());
        return this;
    }

    CliHarness exec(ExecInRuntimeUseCase useCase) {
        this.exec = useCase;
        return this;
    }

    /** Who answers install questions (instead of the terminal). */
    CliHarness confirmation(Confirmation answers) {
        this.confirmation = answers;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KtxCli.run(factory(), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Builds the real commands over this harness's fakes, as the Guice-backed factory does in production. */
    public CommandLine.IFactory factory() {
        // New objects on every call, like Guice's unscoped bindings: the shell builds a tree per line.
        Map<Class<?>, Supplier<Object>> commands = new HashMap<>();
        commands.put(InstallCommand.class, () -> new InstallCommand(() -> install, () -> terminal));
        commands.put(StatusCommand.class, () -> new StatusCommand(() -> inspect, () -> inspectDaemon, () -> embeddingModel));
        commands.put(StartCommand.class, () -> new StartCommand(() -> start, consent()));
        commands.put(StopCommand.class, () -> new StopCommand(() -> stop));
        commands.put(DoctorCommand.class, () -> new DoctorCommand(() -> diagnose));
        commands.put(PruneCommand.class, () -> new PruneCommand(() -> prune));
        commands.put(ExecCommand.class, () -> new ExecCommand(() -> exec, consent()));
        commands.put(EnvCommand.class, () -> new EnvCommand(() -> activate, () -> host));
        commands.put(WhichCommand.class, () -> new WhichCommand(() -> locate));
        commands.put(EmbedCommand.class, () -> new EmbedCommand(() -> embed, consent(), () -> terminal));
        commands.put(ShellCommand.class, () -> new ShellCommand(() -> terminal, () -> HOST, () -> VERSION));
        commands.put(CliVersionProvider.class, () -> new CliVersionProvider(VERSION));
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                Supplier<Object> known = commands.get(type);
                return known != null ? type.cast(known.get()) : CommandLine.defaultFactory().create(type);
            }
        };
    }

    /** A fresh option per command, as Guice builds it, answered by this harness. */
    private InstallConsentOption consent() {
        return new InstallConsentOption(() -> confirmation);
    }

    public static InstalledManifest manifest(FeatureSet features) {
        AssetManifest asset = new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel("kaelio_ktx-0.1.0-py3-none-any.whl", "a".repeat(64), 10));
        return new InstalledManifest(1, VERSION.value(), Instant.parse("2026-05-11T00:00:00Z"), asset, features,
                new InstalledManifest.Executables(ENVIRONMENT.pythonPath(), ENVIRONMENT.daemonPath()),
                LAYOUT.installLogPath(), Optional.of(new ProvisionerInfo("venv", "3.11.7")));
    }

    public record Result(int code, String out, String err) {
    }
}
