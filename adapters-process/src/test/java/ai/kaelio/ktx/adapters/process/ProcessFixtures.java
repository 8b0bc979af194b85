package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.PythonRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared by the process adapter tests: host environments, the real wheel, a stand-in uv, and real runs. */
final class ProcessFixtures {

    static final String WHEEL_FILE = "kaelio_ktx-0.1.0-py3-none-any.whl";
    static final PythonRequirement REQUIRES_PYTHON = PythonRequirement.parse(">=3.10");
    static final Path PYENV = Path.of("/root/.pyenv/versions");

    private static Path realPython;

    private ProcessFixtures() {
    }

    /** This JVM's environment with overrides; a null value removes the variable. pip must not wait on an index. */
    static HostEnvironment host(Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("PIP_RETRIES", "0");
        variables.remove(UvLocator.VARIABLE);
        variables.remove(PythonInterpreters.VARIABLE);
        // A developer's shell may make Python unbuffered; a user's (and CI's) does not, so neither do the tests.
        variables.remove("PYTHONUNBUFFERED");
        overrides.forEach((name, value) -> {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        });
        return new HostEnvironment(Platform.LINUX, variables, Path.of(System.getProperty("user.home")));
    }

    static HostEnvironment host() {
        return host(Map.of());
    }

    /** The adapters wired by hand, as ProcessModule would. */
    record Adapters(ExecutableFinder finder, CommandRunner runner, PythonInterpreters interpreters, UvLocator uvLocator,
                    DaemonLauncherCheck launcher) {
        static Adapters on(HostEnvironment host) {
            ExecutableFinder finder = new ExecutableFinder(host);
            CommandRunner runner = new CommandRunner(host);
            return new Adapters(finder, runner, new PythonInterpreters(host, finder, runner), new UvLocator(host, finder),
                    new DaemonLauncherCheck(host, runner));
        }

        VenvProvisioner venv() {
            return new VenvProvisioner(interpreters, runner, launcher);
        }

        UvProvisioner uv(Path uv) {
            return new UvProvisioner(uv, runner, launcher);
        }
    }

    /** Builds the real wheel with the in-tree backend; the repository is the module directory's parent. */
    static Path buildWheel(Path outDir) throws IOException, InterruptedException {
        Path backend = Path.of("..").toAbsolutePath().normalize().resolve("python/build_backend/ktx_build.py");
        assertThat(backend).as("tests run from a module directory of the ktx repository").isRegularFile();
        Output built = run(List.of("python3", backend.toString(), "--out-dir", outDir.toString()));
        assertThat(built.exitCode()).as(built.text()).isZero();
        return outDir.resolve(WHEEL_FILE);
    }

    static EnvironmentProvisioner.Request request(Path versionDir, Path wheel, FeatureSet features, List<InstallStep> steps) {
        return new EnvironmentProvisioner.Request(EnvironmentLayout.of(Platform.LINUX, versionDir.resolve("venv-1")),
                wheel, features, REQUIRES_PYTHON, versionDir.resolve("install.log"), steps::add);
    }

    /** A venv with the wheel really installed, through the production provisioner. */
    static EnvironmentLayout installRuntime(Path versionDir, Path wheel) throws IOException, InterruptedException {
        EnvironmentProvisioner.Request request = request(versionDir, wheel, FeatureSet.core(), new ArrayList<>());
        EnvironmentProvisioner.Outcome outcome = Adapters.on(host()).venv().provision(request);
        assertThat(outcome).as(() -> log(request.installLog())).isInstanceOf(EnvironmentProvisioner.Provisioned.class);
        return request.environment();
    }

    /** The interpreter behind the python3 on PATH (not a pyenv shim), so that shebangs can name it. */
    static synchronized Path realPython() throws IOException, InterruptedException {
        if (realPython == null) {
            Output output = run(List.of("python3", "-c", "import sys; print(sys.executable)"));
            assertThat(output.exitCode()).as(output.text()).isZero();
            realPython = Path.of(output.text().strip());
        }
        return realPython;
    }

    static Path pyenvPython(String version) {
        Path python = PYENV.resolve(version).resolve("bin/python");
        assertThat(python).as("this test expects pyenv's Python %s", version).isExecutable();
        return python;
    }

    /**
     * An executable that answers like uv for the three calls ktx makes, doing the work with venv and pip,
     * and appends each call's arguments as one JSON line to {@code record}. Extras are recorded but not
     * installed, so no test needs a package index.
     */
    static Path standInUv(Path dir, Path record, boolean failVenv) throws IOException, InterruptedException {
        String script = """
                #!%s
                import json, subprocess, sys
                args = sys.argv[1:]
                with open(%s, "a") as record:
                    record.write(json.dumps(args) + "\\n")
                if args == ["--version"]:
                    print("uv 0.9.5 (stand-in)")
                elif len(args) == 2 and args[0] == "venv":
                    if %s:
                        print("error: bad python", file=sys.stderr)
                        sys.exit(1)
                    sys.exit(subprocess.call([sys.executable, "-m", "venv", "--without-pip", args[1]]))
                elif len(args) == 5 and args[:3] == ["pip", "install", "--python"]:
                    bare = args[4].split("[")[0]
                    sys.exit(subprocess.call([sys.executable, "-m", "pip", "--python", args[3], "install", bare]))
                else:
                    print("stand-in uv: unexpected arguments %%r" %% args, file=sys.stderr)
                    sys.exit(2)
                """.formatted(realPython(), jsonString(record.toString()), failVenv ? "True" : "False");
        Path uv = Files.writeString(Files.createDirectories(dir).resolve("uv"), script);
        makeExecutable(uv);
        return uv;
    }

    /** One call as the stand-in records it (json.dumps of ASCII strings). */
    static String call(Object... args) {
        return Stream.of(args).map(arg -> jsonString(arg.toString())).collect(Collectors.joining(", ", "[", "]"));
    }

    static List<String> recordedCalls(Path record) throws IOException {
        return Files.exists(record) ? Files.readAllLines(record) : List.of();
    }

    private static String jsonString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String log(Path installLog) {
        try {
            return Files.readString(installLog);
        } catch (IOException e) {
            return "(no install log: " + e.getMessage() + ")";
        }
    }

    /** The install log's command lines, without their {@code $ }. */
    static List<String> loggedCommands(Path installLog) throws IOException {
        return Files.readAllLines(installLog).stream()
                .filter(line -> line.startsWith("$ "))
                .map(line -> line.substring(2))
                .toList();
    }

    record Output(int exitCode, String text) {
    }

    static Output run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Output(process.exitValue(), text);
    }

    static Path sitePackages(EnvironmentLayout environment) throws IOException {
        try (Stream<Path> lib = Files.list(environment.venvDir().resolve("lib"))) {
            return lib.filter(path -> path.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
                    .resolve("site-packages");
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void makeExecutable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
