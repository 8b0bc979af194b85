package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ktx runtime env} read by real shells, as a user types it, in runtime roots whose paths hold the
 * characters a shell would otherwise read as syntax. bash, zsh and fish are Debian packages: .ci/run
 * installs them; a machine without one skips its cases and says which package to install.
 */
class ShellEnvIT {

    /** One root per awkward character: the install refuses a space together with $, " or \ (pip's launcher). */
    private static final Map<String, String> ROOTS = new LinkedHashMap<>();

    static {
        ROOTS.put("a space", "with space");
        ROOTS.put("a dollar", "dollar$HOME");
        ROOTS.put("a single quote", "it's");
        ROOTS.put("a double quote", "say\"hi\"");
        ROOTS.put("a backslash", "back\\slash");
        ROOTS.put("non-ASCII letters", "Zürich-東京");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "import kaelio_ktx, os, sys; print(sys.prefix); "
            + "print(os.environ['VIRTUAL_ENV']); print(os.environ.get('PYTHONHOME', 'unset'))";

    @TempDir
    static Path dir;

    /** Each root's environment directory, once installed. */
    private static final Map<String, Path> VENVS = new LinkedHashMap<>();

    @BeforeAll
    static void installIntoEachRoot() throws Exception {
        for (var root : ROOTS.entrySet()) {
            KtxRun ktx = ktx(root.getKey());
            ktx.run("runtime", "install").succeeds();
            var status = JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out());
            VENVS.put(root.getKey(), Path.of(status.at("/layout/venvDir").asText()));
        }
    }

    private static KtxRun ktx(String root) {
        // A user with such paths has a UTF-8 locale; PYTHONHOME set elsewhere would break the runtime's python.
        return KtxRun.against(dir.resolve(ROOTS.get(root))).env("LANG", "C.UTF-8").env("LC_ALL", null)
                .env("PYTHONHOME", "/nonexistent/python-home").env("XDG_CONFIG_HOME", dir.resolve("config").toString());
    }

    static Stream<Arguments> shellsAndRoots() {
        List<Arguments> cases = new ArrayList<>();
        for (String shell : List.of("bash", "zsh", "fish")) {
            ROOTS.keySet().forEach(root -> cases.add(Arguments.of(shell, root)));
        }
        return cases.stream();
    }

    /** The line a user types, then what the activated shell sees: PATH, python's location, which, and python itself. */
    private static List<String> script(String shell) {
        if (shell.equals("fish")) {
            return List.of("fish", "--no-config", "-c", String.join("\n",
                    "$KTX runtime env | source",
                    "printf '%s\\n' \"$PATH\" (command -v python) ($KTX runtime which python)",
                    "python -c \"$PROBE\""));
        }
        List<String> command = new ArrayList<>(shell.equals("zsh") ? List.of("zsh", "-f", "-c") : List.of("bash", "--norc", "-c"));
        command.add(String.join("\n",
                "eval \"$(\"$KTX\" runtime env)\"",
                "printf '%s\\n' \"$PATH\" \"$(command -v python)\" \"$(\"$KTX\" runtime which python)\"",
                "python -c \"$PROBE\""));
        return command;
    }

    @ParameterizedTest(name = "{0}, root with {1}")
    @MethodSource("shellsAndRoots")
    void evaluatingEnvActivatesTheRuntimeInTheUsersShell(String shell, String root) throws Exception {
        Path executable = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, shell)).filter(Files::isExecutable).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(executable != null,
                shell + " is not installed: apt-get install " + shell + " (.ci/run installs it) to test its activation");
        Path venv = VENVS.get(root);
        Path python = venv.resolve("bin/python");
        KtxRun ktx = ktx(root).env("KTX", ktx(root).launcher().toString()).env("PROBE", PROBE)
                .env("SHELL", executable.toString());

        Process process = ktx.builder(script(shell)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(output.lines().toList()).as(output).containsExactly(
                venv.resolve("bin") + ":" + System.getenv("PATH"),
                python.toString(),
                python.toString(),
                venv.toString(),
                venv.toString(),
                "unset");
    }

    @Test
    void whichPrintsTheRuntimesInterpreterAndExits127ForWhatIsNowhere() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path tool = Files.writeString(tools.resolve("only-on-path"), "#!/bin/sh\n");
        tool.toFile().setExecutable(true);
        KtxRun ktx = ktx("a space").prependPath(tools);
        Path venv = VENVS.get("a space");

        assertThat(ktx.run("runtime", "which", "python").succeeds().out()).isEqualTo(venv.resolve("bin/python") + "\n");
        assertThat(ktx.run("runtime", "which", "only-on-path").succeeds().out()).isEqualTo(tool + "\n");
        var missing = ktx.run("runtime", "which", "no-such-program");
        assertThat(missing.code()).isEqualTo(127);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("Command not found: no-such-program\n");
    }

    @Test
    void neitherInstallsWithoutConsentAndEnvYesDoes() throws Exception {
        Path root = dir.resolve("fresh");
        KtxRun ktx = KtxRun.against(root);
        String sentence = "KTX Python runtime is required for this command. Run: ktx runtime install --yes\n";

        var env = ktx.run("runtime", "env");
        var which = ktx.run("runtime", "which", "python");

        assertThat(List.of(env.code(), which.code())).containsExactly(1, 1);
        assertThat(env.out() + which.out()).isEmpty();
        assertThat(env.err()).isEqualTo(sentence);
        assertThat(which.err()).isEqualTo(sentence);
        assertThat(root).doesNotExist();

        var installed = ktx.run("runtime", "env", "--yes", "--json").succeeds();
        var document = JSON.readTree(installed.out());
        assertThat(document.get("VIRTUAL_ENV").asText()).startsWith(root.toString());
        assertThat(document.get("PATH").asText()).startsWith(document.get("VIRTUAL_ENV").asText() + "/bin:");
        assertThat(document.get("unset").toString()).isEqualTo("[\"PYTHONHOME\"]");
        assertThat(installed.err()).as("the install notice, off stdout").isEqualTo("Installing KTX Python runtime…\n");
    }
}
