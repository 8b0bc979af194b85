package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.PythonVersion;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the interpreter the venv provisioner uses ({@code KTX_PYTHON}, else python3, else python) and asks it what it is. */
final class PythonInterpreters {

    static final String VARIABLE = "KTX_PYTHON";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    /** One process answers everything; written to run on any Python so an old one is named, not crashed on. */
    static final String PROBE_SCRIPT = String.join("\n",
            "import sys",
            "print('version=' + '.'.join(str(part) for part in sys.version_info[:3]))",
            "print('executable=' + str(sys.executable))",
            "try:",
            "    import os, pip",
            "    print('pip=' + pip.__version__)",
            "    runner = os.path.join(os.path.dirname(pip.__file__), '__pip-runner__.py')",
            "    if os.path.isfile(runner):",
            "        print('piprunner=' + runner)",
            "except Exception:",
            "    pass",
            "try:",
            "    import importlib.util",
            "    print('ensurepip=' + str(importlib.util.find_spec('ensurepip') is not None))",
            "except Exception:",
            "    pass");

    private final HostEnvironment host;
    private final ExecutableFinder finder;
    private final CommandRunner runner;

    @Inject
    PythonInterpreters(HostEnvironment host, ExecutableFinder finder, CommandRunner runner) {
        this.host = host;
        this.finder = finder;
        this.runner = runner;
    }

    /** The interpreter to use, or a sentence saying why there is none. */
    Located locate() {
        Optional<String> explicit = host.variable(VARIABLE);
        if (explicit.isPresent()) {
            return finder.find(explicit.get())
                    .<Located>map(Found::new)
                    .orElse(new NotFound(VARIABLE + "=" + explicit.get() + " is not an executable Python"));
        }
        return finder.findFirst(List.of("python3", "python"))
                .<Located>map(Found::new)
                .orElse(new NotFound("No python3 or python found on PATH"));
    }

    /** The probe command, so callers can log exactly what ran. */
    static List<String> probeCommand(Path python) {
        return List.of(python.toString(), "-c", PROBE_SCRIPT);
    }

    Probe probe(Path python) throws InterruptedException {
        CommandRunner.Captured captured = runner.capture(probeCommand(python), PROBE_TIMEOUT);
        return parse(python, captured);
    }

    static Probe parse(Path python, CommandRunner.Captured captured) {
        Map<String, String> fields = new HashMap<>();
        captured.output().lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        });
        if (!captured.succeeded() || !fields.containsKey("version")) {
            String said = captured.lastLine();
            return new Unusable(python + " did not answer as a Python interpreter" + (said.isEmpty() ? "" : ": " + said));
        }
        try {
            // Later commands use the interpreter's own path, skipping wrappers such as pyenv shims.
            String reported = fields.getOrDefault("executable", "");
            Path executable = reported.isEmpty() ? python : Path.of(reported);
            return new Answered(executable, PythonVersion.parse(fields.get("version")),
                    Optional.ofNullable(fields.get("pip")), Boolean.parseBoolean(fields.get("ensurepip")),
                    Optional.ofNullable(fields.get("piprunner")).filter(runner -> !runner.isEmpty()).map(Path::of));
        } catch (IllegalArgumentException e) {
            return new Unusable(python + " reported an unreadable version: " + fields.get("version"));
        }
    }

    sealed interface Located {
    }

    record Found(Path executable) implements Located {
    }

    record NotFound(String reason) implements Located {
    }

    sealed interface Probe {
    }

    /**
     * @param pipRunner the host pip's {@code __pip-runner__.py}: the script {@code pip --python} runs under the
     *                  target interpreter, which loads pip from the host without the host's other packages
     */
    record Answered(Path executable, PythonVersion version, Optional<String> pipVersion, boolean hasEnsurepip,
                    Optional<Path> pipRunner) implements Probe {

        Answered(Path executable, PythonVersion version, Optional<String> pipVersion, boolean hasEnsurepip) {
            this(executable, version, pipVersion, hasEnsurepip, Optional.empty());
        }

        /** pip 22.3 added {@code --python}, which lets the host's pip install into a pip-less venv. */
        boolean canInstallIntoOtherPythons() {
            return pipVersion.map(version -> {
                try {
                    return PythonVersion.parse(version).compareTo(PythonVersion.parse("22.3")) >= 0;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }).orElse(false);
        }
    }

    record Unusable(String reason) implements Probe {
    }
}
