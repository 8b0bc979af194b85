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

    // Containers and `env -i` often run in the C locale, where the JVM would read "Zürich" as no path.
    @Test
    void aHomeWithNonAsciiLettersWorksInTheCLocaleToo() throws Exception {
        Path home = dir.resolve("Zürich-東京");
        KtxRun ktx = ktxWithHome(home.toString()).env("LANG", null).env("LC_ALL", null).env("LC_CTYPE", null);

        JsonNode status = JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out());

        assertThat(status.at("/layout/runtimeRoot").asText()).isEqualTo(home + "/.local/share/kaelio/ktx/runtime");
    }

    @Test
    void aLocaleChosenOnPurposeThatCannotSpellTheHomeGetsOneSentence() throws Exception {
        var result = ktxWithHome(dir.resolve("Zürich").toString()).env("LC_ALL", "C").run("runtime", "status");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("Cannot use the path ").endsWith("Run ktx with a UTF-8 locale, e.g. LC_ALL=C.UTF-8, "
                        + "or choose a path in plain ASCII (set KTX_RUNTIME_ROOT).");
    }
}
