package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every request and behaves as scripted. By default it succeeds the way a real provisioner
 * does: it reports its steps, builds the environment in a {@link FakeRuntimeFiles} tree (with a
 * {@code pyvenv.cfg} naming {@code baseHome}, the python and the daemon launcher) and writes the log.
 * The failing behaviours leave a half-built environment behind, as a real failure would.
 */
public final class RecordingProvisioner implements EnvironmentProvisioner {

    /** A scripted provisioning run. */
    @FunctionalInterface
    public interface Behaviour {
        Outcome provision(Request request) throws IOException, InterruptedException;
    }

    public static final String VERSION = "1.0-fake";

    private final String name;
    private final FakeRuntimeFiles files;
    private final Path baseHome;
    private final List<Request> requests = new ArrayList<>();
    private Behaviour behaviour = this::succeed;

    public RecordingProvisioner(String name, FakeRuntimeFiles files, Path baseHome) {
        this.name = name;
        this.files = files;
        this.baseHome = baseHome;
    }

    public synchronized RecordingProvisioner behaves(Behaviour scripted) {
        behaviour = scripted;
        return this;
    }

    public RecordingProvisioner succeeds() {
        return behaves(this::succeed);
    }

    /** Builds the environment but not the daemon launcher, as a wheel without its entry point would. */
    public RecordingProvisioner succeedsWithoutDaemon() {
        return behaves(request -> {
            createEnvironment(request);
            request.steps().accept(InstallStep.INSTALL_PACKAGES);
            return provisioned();
        });
    }

    public RecordingProvisioner fails(String command, List<String> outputTail) {
        return behaves(request -> {
            createEnvironment(request);
            log(request, "$ " + command + "\n" + String.join("\n", outputTail) + "\n");
            return new Failed(command, outputTail);
        });
    }

    /** Refuses before creating anything, as for an interpreter older than Requires-Python. */
    public RecordingProvisioner refuses(String reason) {
        return behaves(request -> new Refused(reason));
    }

    public RecordingProvisioner throwsMidway(IOException failure) {
        return behaves(request -> {
            createEnvironment(request);
            throw failure;
        });
    }

    public RecordingProvisioner throwsMidway(RuntimeException failure) {
        return behaves(request -> {
            createEnvironment(request);
            throw failure;
        });
    }

    public RecordingProvisioner isInterruptedMidway() {
        return behaves(request -> {
            createEnvironment(request);
            throw new InterruptedException("cancelled");
        });
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the provisioner was never called");
        }
        return requests.get(requests.size() - 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Outcome provision(Request request) throws IOException, InterruptedException {
        Behaviour current;
        synchronized (this) {
            requests.add(request);
            current = behaviour;
        }
        return current.provision(request);
    }

    /** What the default behaviour does; public so a scripted behaviour can do something first. */
    public Outcome succeed(Request request) {
        createEnvironment(request);
        request.steps().accept(InstallStep.INSTALL_PACKAGES);
        files.file(request.environment().daemonPath(), "#!" + request.environment().pythonPath() + "\n");
        log(request, "$ " + name + " install " + request.wheel() + "\n");
        return provisioned();
    }

    private void createEnvironment(Request request) {
        request.steps().accept(InstallStep.CREATE_ENVIRONMENT);
        EnvironmentLayout environment = request.environment();
        files.file(environment.venvDir().resolve("pyvenv.cfg"), "home = " + baseHome + "\n");
        files.file(environment.pythonPath(), "python");
    }

    private void log(Request request, String text) {
        files.file(request.installLog(), files.content(request.installLog()).orElse("") + text);
    }

    private Provisioned provisioned() {
        return new Provisioned(new ProvisionerInfo(name, VERSION));
    }
}
