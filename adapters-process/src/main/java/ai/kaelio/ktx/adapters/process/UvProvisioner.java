package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * uv: {@code uv --version}, {@code uv venv <dir>}, {@code uv pip install --python <python> <wheel>}, then the
 * new {@code ktx-daemon --version} (see {@link DaemonLauncherCheck}).
 */
final class UvProvisioner implements EnvironmentProvisioner {

    private final Path uv;
    private final CommandRunner runner;
    private final DaemonLauncherCheck launcher;

    UvProvisioner(Path uv, CommandRunner runner, DaemonLauncherCheck launcher) {
        this.uv = uv;
        this.runner = runner;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "uv";
    }

    @Override
    public Outcome provision(Request request) throws IOException, InterruptedException {
        try (InstallLog log = InstallLog.create(request.installLog())) {
            log.note("ktx install into " + request.environment().venvDir() + " with uv");
            List<String> version = List.of(uv.toString(), "--version");
            CommandRunner.Logged versioned = runner.runLogged(version, log);
            if (!versioned.succeeded()) {
                return new Failed(InstallLog.render(version), versioned.tail());
            }
            request.steps().accept(InstallStep.CREATE_ENVIRONMENT);
            List<String> create = List.of(uv.toString(), "venv", request.environment().venvDir().toString());
            CommandRunner.Logged created = runner.runLogged(create, log);
            if (!created.succeeded()) {
                return new Failed(InstallLog.render(create), created.tail());
            }
            request.steps().accept(InstallStep.INSTALL_PACKAGES);
            List<String> install = List.of(uv.toString(), "pip", "install", "--python",
                    request.environment().pythonPath().toString(), WheelSpec.of(request.wheel(), request.features()));
            CommandRunner.Logged installed = runner.runLogged(install, log);
            if (!installed.succeeded()) {
                return new Failed(InstallLog.render(install), installed.tail());
            }
            return launcher.verify(request.environment(), log)
                    .orElse(new Provisioned(new ProvisionerInfo(name(), versionOf(versioned.tail()))));
        }
    }

    /** {@code uv 0.9.5 (abc 2025-10-01)} gives {@code 0.9.5}. */
    static String versionOf(List<String> output) {
        String first = output.isEmpty() ? "" : output.get(0).strip();
        String[] words = first.split("\\s+");
        if (words.length >= 2 && words[0].equals("uv")) {
            return words[1];
        }
        return first.isEmpty() ? "unknown" : first;
    }
}
