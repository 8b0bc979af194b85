package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child processes. They inherit this JVM's streams, which the test runner uses itself, so every
 * script here stays silent and reports through files.
 */
class ProcessBuilderRuntimeCommandsTest {

    @TempDir
    Path dir;

    private EnvironmentLayout environment;
    private Path scripts;
    private Path elsewhere;

    @BeforeEach
    void environmentOnDisk() throws IOException {
        environment = EnvironmentLayout.of(Platform.LINUX, dir.resolve("venv"));
        scripts = environment.pythonPath().getParent();
        elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(scripts);
        Files.createDirectories(elsewhere);
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        ProcessFixtures.makeExecutable(file);
        return file;
    }

    private RuntimeCommands.Outcome run(Map<String, String> variables, String... command) throws Exception {
        HostEnvironment host = host(variables);
        return new ProcessBuilderRuntimeCommands(host, new ExecutableFinder(host)).run(environment, List.of(command));
    }

    private RuntimeCommands.Outcome run(String... command) throws Exception {
        return run(Map.of("PATH", elsewhere + File.pathSeparator + "/usr/bin:/bin"), command);
    }

    @Test
    void theCommandsExitCodeIsTheOutcome() throws Exception {
        script(scripts.resolve("tool"), "exit 7");

        assertThat(run("tool")).isEqualTo(new RuntimeCommands.Exited(7));
    }

    @Test
    void aCommandEndedBySignalExitsWith128PlusTheSignal() throws Exception {
        script(scripts.resolve("tool"), "kill -TERM $$");

        assertThat(run("tool")).isEqualTo(new RuntimeCommands.Exited(143));
    }

    @Test
    void theCommandSeesTheRuntimeFirstOnPathItsVirtualEnvNoPythonHomeAndItsArgumentsUntouched() throws Exception {
        Path report = dir.resolve("report.txt");
        script(scripts.resolve("report"), "printf '%s\\n' \"$PATH\" \"$VIRTUAL_ENV\" \"${PYTHONHOME-unset}\" \"$2\" \"$3\" > \"$1\"");
        Map<String, String> variables = new HashMap<>();
        variables.put("PATH", "/usr/bin:/bin");
        variables.put("PYTHONHOME", "/opt/other-python");
        variables.put("VIRTUAL_ENV", "/home/alex/other-venv");

        var outcome = run(variables, "report", report.toString(), "two words", "$HOME *");

        assertThat(outcome).isEqualTo(new RuntimeCommands.Exited(0));
        assertThat(Files.readAllLines(report)).containsExactly(
                scripts + ":/usr/bin:/bin", environment.venvDir().toString(), "unset", "two words", "$HOME *");
    }

    @Test
    void theRuntimesProgramWinsOverOneOfTheSameNameOnPath() throws Exception {
        script(elsewhere.resolve("tool"), "exit 3");
        script(scripts.resolve("tool"), "exit 4");

        assertThat(run("tool")).isEqualTo(new RuntimeCommands.Exited(4));
    }

    @Test
    void aProgramOnlyOnPathIsFoundThere() throws Exception {
        script(elsewhere.resolve("other"), "exit 5");

        assertThat(run("other")).isEqualTo(new RuntimeCommands.Exited(5));
    }

    @Test
    void aPathIsRunAsGivenWithoutSearching() throws Exception {
        Path hidden = script(dir.resolve("hidden-tool"), "exit 6");

        assertThat(run(hidden.toString())).isEqualTo(new RuntimeCommands.Exited(6));
    }

    @Test
    void aProgramInNeitherPlaceIsNotFound() throws Exception {
        Files.writeString(scripts.resolve("not-executable"), "#!/bin/sh\nexit 0\n");

        assertThat(run("no-such-program-anywhere")).isEqualTo(new RuntimeCommands.NotFound("no-such-program-anywhere"));
        assertThat(run("not-executable")).isEqualTo(new RuntimeCommands.NotFound("not-executable"));
    }

    // As in a shell: a path that names something that cannot run is refused (126), not "not found" (127).
    @Test
    void aPathToSomethingThatCannotRunIsRefusedWithTheReason() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "not a program\n");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path planted = script(shared.resolve("tool"), "exit 0");
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(run(plain.toString())).isEqualTo(new RuntimeCommands.NotStarted(plain.toString(), "Permission denied"));
        assertThat(run(elsewhere.toString())).isEqualTo(new RuntimeCommands.NotStarted(elsewhere.toString(), "Is a directory"));
        assertThat(run(planted.toString()))
                .isEqualTo(new RuntimeCommands.NotStarted(planted.toString(), "Other users may write to it or to its folder"));
        assertThat(run(dir.resolve("missing").toString())).isEqualTo(new RuntimeCommands.NotFound(dir.resolve("missing").toString()));
    }

    @Test
    void aProgramTheSystemCannotStartIsReportedWithTheSystemsReason() throws Exception {
        Files.writeString(scripts.resolve("orphan"), "#!/no/such/interpreter\n");
        ProcessFixtures.makeExecutable(scripts.resolve("orphan"));

        assertThat(run("orphan")).isEqualTo(new RuntimeCommands.NotStarted("orphan", "No such file or directory"));
    }

    @Test
    void locateFindsWhatRunWouldRunWithoutStartingIt() throws Exception {
        Path marker = dir.resolve("ran");
        script(elsewhere.resolve("tool"), "touch '" + marker + "'");
        script(elsewhere.resolve("other"), "touch '" + marker + "'");
        Path runtimeTool = script(scripts.resolve("tool"), "touch '" + marker + "'");
        Path hidden = script(dir.resolve("hidden-tool"), "exit 0");

        assertThat(locate("tool")).contains(runtimeTool);
        assertThat(locate("other")).contains(elsewhere.resolve("other"));
        assertThat(locate(hidden.toString())).contains(hidden);
        assertThat(locate("no-such-program-anywhere")).isEmpty();
        assertThat(locate(elsewhere.toString())).isEmpty();
        assertThat(marker).doesNotExist();
    }

    private java.util.Optional<Path> locate(String program) {
        HostEnvironment host = host(Map.of("PATH", elsewhere + File.pathSeparator + "/usr/bin:/bin"));
        return new ProcessBuilderRuntimeCommands(host, new ExecutableFinder(host)).locate(environment, program);
    }
}
