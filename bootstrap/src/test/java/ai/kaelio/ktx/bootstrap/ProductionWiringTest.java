package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProductionWiringTest {

    @TempDir
    Path dir;

    @Test
    void productionStageFindsEveryBindingUpFront() {
        // Production stage builds every singleton eagerly, so a missing binding fails here rather than in a user's command.
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", dir.toString()), dir);
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                KtxModules.production(host, new CliVersion("0.1.0"), dir.resolve("assets")));

        assertThat(injector.getInstance(InstallRuntimeUseCase.class)).isNotNull();
        assertThat(injector.getInstance(InspectRuntimeUseCase.class)).isNotNull();
        assertThat(injector.getInstance(DiagnoseRuntimeUseCase.class)).isNotNull();
        assertThat(injector.getInstance(PruneRuntimesUseCase.class)).isNotNull();
        assertThat(injector.getInstance(ExecInRuntimeUseCase.class)).isNotNull();
        assertThat(injector.getInstance(StartDaemonUseCase.class)).isNotNull();
        assertThat(injector.getInstance(StopDaemonUseCase.class)).isNotNull();
        assertThat(injector.getInstance(InspectDaemonUseCase.class)).isNotNull();
        assertThat(injector.getInstance(EmbedTextsUseCase.class)).isNotNull();
        assertThat(injector.getInstance(ai.kaelio.ktx.application.port.in.ActivateRuntimeUseCase.class)).isNotNull();
        assertThat(injector.getInstance(ai.kaelio.ktx.application.port.in.LocateCommandUseCase.class)).isNotNull();
        java.io.StringWriter help = new java.io.StringWriter();
        int code = ai.kaelio.ktx.adapters.cli.KtxCli.run(injector.getInstance(CommandLine.IFactory.class),
                new java.io.PrintWriter(help), new java.io.PrintWriter(new java.io.StringWriter()), "runtime", "--help");
        assertThat(code).isZero();
        assertThat(help.toString()).contains("install").contains("prune").contains("exec").contains("start").contains("stop");
    }

    @Test
    void theBuildKnowsItsVersion() {
        assertThat(Distribution.version().value()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void relativeRuntimeRootIsResolvedAgainstTheWorkingDirectory() {
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", "relative/root"), dir);
        Injector injector = Guice.createInjector(KtxModules.production(host, new CliVersion("0.1.0"), dir));

        Path root = injector.getInstance(ai.kaelio.ktx.domain.RuntimeLayout.class).runtimeRoot();
        assertThat(root.isAbsolute()).isTrue();
        assertThat(root.endsWith(Path.of("relative/root"))).as(root.toString()).isTrue();
    }
}
