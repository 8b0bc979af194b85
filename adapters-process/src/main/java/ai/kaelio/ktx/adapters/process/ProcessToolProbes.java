package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.ToolProbes;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Doctor's look at uv, the host Python, and the installed runtime, by running them. */
final class ProcessToolProbes implements ToolProbes {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final UvLocator uvLocator;
    private final PythonInterpreters interpreters;
    private final CommandRunner runner;

    @Inject
    ProcessToolProbes(UvLocator uvLocator, PythonInterpreters interpreters, CommandRunner runner) {
        this.uvLocator = uvLocator;
        this.interpreters = interpreters;
        this.runner = runner;
    }

    @Override
    public UvProbe uv() throws InterruptedException {
        Optional<Path> uv = uvLocator.locate();
        if (uv.isEmpty()) {
            return new UvMissing(uvLocator.whyMissing());
        }
        CommandRunner.Captured version = runner.capture(List.of(uv.get().toString(), "--version"), TIMEOUT);
        if (!version.succeeded()) {
            return new UvMissing("uv at " + uv.get() + " does not run (" + version.lastLine() + ")");
        }
        return new UvFound(uv.get(), version.firstLine());
    }

    @Override
    public PythonProbe python() throws InterruptedException {
        PythonInterpreters.Located located = interpreters.locate();
        if (located instanceof PythonInterpreters.NotFound notFound) {
            return new PythonMissing(notFound.reason());
        }
        if (!(located instanceof PythonInterpreters.Found found)) {
            throw new AssertionError(located);
        }
        PythonInterpreters.Probe probe = interpreters.probe(found.executable());
        if (probe instanceof PythonInterpreters.Unusable unusable) {
            return new PythonMissing(unusable.reason());
        }
        if (probe instanceof PythonInterpreters.Answered answered) {
            return new PythonFound(answered.executable(), answered.version(), answered.pipVersion());
        }
        throw new AssertionError(probe);
    }

    /** The local-embeddings extra by import name, as kaelio_ktx/daemon/features.py checks it. */
    private static final List<String> EMBEDDING_MODULES = List.of("numpy", "tokenizers", "onnxruntime", "huggingface_hub");

    @Override
    public RuntimeProbe runtime(EnvironmentLayout environment, FeatureSet features) throws InterruptedException {
        List<String> imports = new ArrayList<>(List.of("import kaelio_ktx", "print('kaelio_ktx ' + kaelio_ktx.__version__)"));
        if (features.contains(Feature.LOCAL_EMBEDDINGS)) {
            // The packages the daemon's feature detection imports, in its order.
            for (String module : EMBEDDING_MODULES) {
                imports.addAll(List.of("import " + module, "print('" + module + " ' + " + module + ".__version__)"));
            }
        }
        CommandRunner.Captured imported = runner.capture(
                List.of(environment.pythonPath().toString(), "-c", String.join("; ", imports)), TIMEOUT);
        if (!imported.succeeded()) {
            return new RuntimeProbe(false, "The runtime's Python cannot import the package: " + imported.lastLine());
        }
        CommandRunner.Captured daemon = runner.capture(List.of(environment.daemonPath().toString(), "--version"), TIMEOUT);
        if (!daemon.succeeded()) {
            return new RuntimeProbe(false, "ktx-daemon --version failed: " + daemon.lastLine());
        }
        String importedNames = String.join(", ", imported.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        return new RuntimeProbe(true, importedNames + " import; " + daemon.firstLine() + " runs");
    }
}
