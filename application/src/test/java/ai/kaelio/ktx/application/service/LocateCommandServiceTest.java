package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.RuntimeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.LocateResult;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.RecordingRuntimeCommands;
import ai.kaelio.ktx.domain.FeatureSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocateCommandServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RecordingRuntimeCommands commands = new RecordingRuntimeCommands();

    private LocateResult locate(String command) throws Exception {
        return new LocateCommandService(runtime.ensureService(), commands).locate(command);
    }

    @Test
    void theProgramIsLookedUpInTheEnvironmentTheManifestNames() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());
        Path scripts = environment.pythonPath().getParent();
        commands.findsIn(scripts);

        assertThat(locate("python")).isEqualTo(new LocateResult.Found(scripts.resolve("python")));
        assertThat(commands.lookups()).containsExactly(new RecordingRuntimeCommands.Run(environment, List.of("python")));
        assertThat(commands.runs()).isEmpty();
    }

    @Test
    void aProgramFoundNowhereIsNotFound() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        assertThat(locate("no-such-tool")).isEqualTo(new LocateResult.CommandNotFound("no-such-tool"));
    }

    @Test
    void aMissingRuntimeIsNeverInstalledAndGivesExecsSentence() throws Exception {
        assertThat(locate("python")).isEqualTo(new LocateResult.RuntimeUnavailable(new EnsureResult.NotAllowed(new RuntimeStatus.Missing(runtime.layout()), FeatureSet.core())));
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(commands.lookups()).isEmpty();
    }
}
