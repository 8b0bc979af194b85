package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standard library's venv plus pip. The fast path creates the environment without pip and lets the
 * host's own pip (22.3 or newer) install into it: about 0.6 s instead of 2.8 s for bootstrapping pip
 * into every environment. Older hosts take the classic path.
 *
 * <p>{@code pip --python T} imports all of pip in the host interpreter only to start
 * {@code T <host pip>/__pip-runner__.py}, which imports it all again. Starting that runner ourselves does
 * the same install in 0.42 s instead of 0.67 s; a pip without the runner gets {@code --python}.
 */
final class VenvProvisioner implements EnvironmentProvisioner {

    private final PythonInterpreters interpreters;
    private final CommandRunner runner;
    private final DaemonLauncherCheck launcher;
    private final boolean fastPathAllowed;

    @Inject
    VenvProvisioner(PythonInterpreters interpreters, CommandRunner runner, DaemonLauncherCheck launcher) {
        this(interpreters, runner, launcher, true);
    }

    /** Tests turn the fast path off to exercise the classic path on a modern host. */
    VenvProvisioner(PythonInterpreters interpreters, CommandRunner runner, DaemonLauncherCheck launcher,
                    boolean fastPathAllowed) {
        this.interpreters = interpreters;
        this.runner = runner;
        this.launcher = launcher;
        this.fastPathAllowed = fastPathAllowed;
    }

    @Override
    public String name() {
        return "venv";
    }

    @Override
    public Outcome provision(Request request) throws IOException, InterruptedException {
        // Known before anything runs: pip would build a runtime whose daemon cannot start.
        Optional<String> unsafePath = launcher.refusalBeforePip(request.environment());
        if (unsafePath.isPresent()) {
            return new Refused(unsafePath.get());
        }
        try (InstallLog log = InstallLog.create(request.installLog())) {
            log.note("ktx install into " + request.environment().venvDir() + " with venv and pip");
            PythonInterpreters.Located located = interpreters.locate();
            if (located instanceof PythonInterpreters.NotFound notFound) {
                log.note(notFound.reason());
                return new Refused(notFound.reason() + ". Install Python " + request.requiresPython()
                        + ", or set " + PythonInterpreters.VARIABLE + " to one.");
            }
            if (!(located instanceof PythonInterpreters.Found found)) {
                throw new AssertionError(located);
            }
            Path python = found.executable();
            log.command(PythonInterpreters.probeCommand(python));
            PythonInterpreters.Probe probe = interpreters.probe(python);
            if (probe instanceof PythonInterpreters.Unusable unusable) {
                log.line(unusable.reason());
                return new Refused(unusable.reason() + ". Set " + PythonInterpreters.VARIABLE + " to a working Python.");
            }
            if (!(probe instanceof PythonInterpreters.Answered host)) {
                throw new AssertionError(probe);
            }
            python = host.executable();
            log.line("Python " + host.version() + " at " + python + ", pip " + host.pipVersion().orElse("missing"));
            if (!request.requiresPython().isSatisfiedBy(host.version())) {
                return new Refused("Python " + host.version() + " at " + python
                        + " does not satisfy the runtime's Requires-Python " + request.requiresPython()
                        + ". Install a newer Python, or set " + PythonInterpreters.VARIABLE + " to one.");
            }
            boolean fast = fastPathAllowed && host.canInstallIntoOtherPythons();
            if (!fast && !host.hasEnsurepip()) {
                return new Refused("Python at " + python + " has neither pip 22.3+ nor ensurepip, so it cannot"
                        + " build the runtime. Install pip (or your system's python3-venv package), or set "
                        + PythonInterpreters.VARIABLE + " to another Python.");
            }
            log.note(fast ? "fast path: venv without pip, the host's pip installs into it"
                    : "classic path: venv with pip");
            return build(request, python, fast ? host.pipRunner() : Optional.empty(), fast, log,
                    new ProvisionerInfo(name(), host.version().toString()));
        }
    }

    private Outcome build(Request request, Path python, Optional<Path> pipRunner, boolean fast, InstallLog log,
                          ProvisionerInfo info) throws InterruptedException {
        String venv = request.environment().venvDir().toString();
        String target = request.environment().pythonPath().toString();
        request.steps().accept(InstallStep.CREATE_ENVIRONMENT);
        List<String> create = fast
                ? List.of(python.toString(), "-m", "venv", "--without-pip", venv)
                : List.of(python.toString(), "-m", "venv", venv);
        CommandRunner.Logged created = runner.runLogged(create, log);
        if (!created.succeeded()) {
            return new Failed(InstallLog.render(create), created.tail());
        }
        request.steps().accept(InstallStep.INSTALL_PACKAGES);
        List<String> install = new ArrayList<>(pipInstall(python, target, pipRunner, fast));
        install.addAll(List.of("--disable-pip-version-check", "--no-input",
                WheelSpec.of(request.wheel(), request.features())));
        CommandRunner.Logged installed = runner.runLogged(install, log);
        if (!installed.succeeded()) {
            return new Failed(InstallLog.render(install), installed.tail());
        }
        return launcher.verify(request.environment(), log).orElse(new Provisioned(info));
    }

    /** The start of the pip command that installs into {@code target}, fastest first. */
    static List<String> pipInstall(Path python, String target, Optional<Path> pipRunner, boolean fast) {
        if (!fast) {
            return List.of(target, "-m", "pip", "install");
        }
        return pipRunner.map(runner -> List.of(target, runner.toString(), "install"))
                .orElseGet(() -> List.of(python.toString(), "-m", "pip", "--python", target, "install"));
    }
}
