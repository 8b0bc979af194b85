package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $HOME} decides the default paths, as it does for Python, uv and pipx: the JVM's {@code user.home}
 * comes from the password database instead, which this test's account keeps elsewhere.
 */
class HomeVariableIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private KtxRun ktxWithHome(String home) {
        return KtxRun.against(dir.resolve("unused")).env("KTX_RUNTIME_ROOT", null).env("XDG_DATA_HOME", null)
                .env("HOME", home);
    }

    @Test
    void anAbsoluteHomeHoldsTheDefaultRuntimeRoot() throws Exception {
        Path home = dir.resolve("h");

        JsonNode status = JSON.readTree(ktxWithHome(home.toString()).run("runtime", "status", "--json").succeeds().out());

        assertThat(status.at("/layout/runtimeRoot").asText()).isEqualTo(home + "/.local/share/kaelio/ktx/runtime");
        assertThat(home).as("status only reads").doesNotExist();
    }

    @Test
    void aRelativeHomeIsIgnoredForTheAccountsHome() throws Exception {
        JsonNode status = JSON.readTree(ktxWithHome("relative/h").run("runtime", "status", "--json").succeeds().out());

        assertThat(status.at("/layout/runtimeRoot").asText())
                .isEqualTo(System.getProperty("user.home") + "/.local/share/kaelio/ktx/runtime");
    }
}
