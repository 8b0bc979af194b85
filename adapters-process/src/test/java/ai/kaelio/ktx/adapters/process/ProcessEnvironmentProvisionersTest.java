package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners.Selected;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners.Selection;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners.Unavailable;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessEnvironmentProvisionersTest {

    @TempDir
    Path tools;

    @TempDir
    Path emptyDir;

    private Path record;
    private Path uv;

    @BeforeEach
    void writeStandInUv() throws Exception {
        record = tools.resolve("calls.jsonl");
        uv = ProcessFixtures.standInUv(tools.resolve("bin"), record, false);
    }

    private static Selection select(HostEnvironment host, ProvisionerChoice choice) {
        ProcessFixtures.Adapters adapters = ProcessFixtures.Adapters.on(host);
        return new ProcessEnvironmentProvisioners(adapters.uvLocator(), adapters.runner(), adapters.launcher(), adapters::venv).select(choice);
    }

    private static String chosen(Selection selection) {
        assertThat(selection).isInstanceOf(Selected.class);
        return ((Selected) selection).provisioner().name();
    }

    /** A PATH on which the only uv, if any, is the stand-in. */
    private static HostEnvironment hostWithPath(Path... directories) {
        return host(Map.of("PATH", Stream.of(directories).map(Path::toString).collect(Collectors.joining(":"))));
    }

    @Test
    void autoPicksUvFoundOnPath() {
        assertThat(chosen(select(hostWithPath(emptyDir, uv.getParent()), ProvisionerChoice.AUTO))).isEqualTo("uv");
    }

    @Test
    void autoPicksUvNamedByKtxUv() {
        HostEnvironment host = host(Map.of("PATH", emptyDir.toString(), "KTX_UV", uv.toString()));
        assertThat(chosen(select(host, ProvisionerChoice.AUTO))).isEqualTo("uv");
    }

    @Test
    void autoFallsBackToVenvWithoutUv() {
        assertThat(chosen(select(hostWithPath(emptyDir), ProvisionerChoice.AUTO))).isEqualTo("venv");
    }

    @Test
    void forcedUvThatIsMissingIsUnavailableWithTheFix() {
        assertThat(select(hostWithPath(emptyDir), ProvisionerChoice.UV)).isEqualTo(new Unavailable(
                "uv is required to install the KTX Python runtime. Install uv and retry: ktx runtime install --yes"));
        HostEnvironment badKtxUv = host(Map.of("PATH", uv.getParent().toString(), "KTX_UV", emptyDir.resolve("uv").toString()));
        assertThat(select(badKtxUv, ProvisionerChoice.UV)).isInstanceOf(Unavailable.class);
    }

    @Test
    void forcedUvUsesTheUvFound() {
        assertThat(chosen(select(hostWithPath(uv.getParent()), ProvisionerChoice.UV))).isEqualTo("uv");
    }

    @Test
    void forcedVenvIgnoresUv() {
        HostEnvironment host = host(Map.of("PATH", uv.getParent().toString(), "KTX_UV", uv.toString()));
        assertThat(chosen(select(host, ProvisionerChoice.VENV))).isEqualTo("venv");
    }

    @Test
    void selectingStartsNoProcess() throws Exception {
        HostEnvironment host = host(Map.of("PATH", uv.getParent().toString(), "KTX_UV", uv.toString()));
        for (ProvisionerChoice choice : ProvisionerChoice.values()) {
            select(host, choice);
        }
        assertThat(record).doesNotExist();
        // The stand-in does record when it runs, so the check above can fail.
        ProcessFixtures.run(List.of(uv.toString(), "--version"));
        assertThat(Files.readAllLines(record)).containsExactly(ProcessFixtures.call("--version"));
    }
}
