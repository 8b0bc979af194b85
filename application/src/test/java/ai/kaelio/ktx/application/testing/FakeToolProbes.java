package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.ToolProbes;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.PythonVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scripted answers about the host's tools. Defaults: uv missing, {@code /usr/bin/python3} 3.12.1 with
 * pip, and a runtime that imports.
 */
public final class FakeToolProbes implements ToolProbes {

    /** One call to {@link #runtime}. */
    public record RuntimeProbeCall(EnvironmentLayout environment, FeatureSet features) {
    }

    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private UvProbe uv = new UvMissing("uv not found on PATH");
    private PythonProbe python = new PythonFound(PYTHON, PythonVersion.parse("3.12.1"), Optional.of("24.0"));
    private RuntimeProbe runtime = new RuntimeProbe(true, "kaelio_ktx imports; ktx-daemon 0.1.0");
    private final List<RuntimeProbeCall> runtimeCalls = new ArrayList<>();

    public synchronized FakeToolProbes uvFound(String version) {
        uv = new UvFound(Path.of("/usr/local/bin/uv"), version);
        return this;
    }

    public synchronized FakeToolProbes uvMissing(String reason) {
        uv = new UvMissing(reason);
        return this;
    }

    public synchronized FakeToolProbes pythonFound(String version) {
        python = new PythonFound(PYTHON, PythonVersion.parse(version), Optional.of("24.0"));
        return this;
    }

    public synchronized FakeToolProbes pythonMissing(String reason) {
        python = new PythonMissing(reason);
        return this;
    }

    public synchronized FakeToolProbes runtimeProbe(boolean ok, String detail) {
        runtime = new RuntimeProbe(ok, detail);
        return this;
    }

    public synchronized List<RuntimeProbeCall> runtimeCalls() {
        return List.copyOf(runtimeCalls);
    }

    @Override
    public synchronized UvProbe uv() {
        return uv;
    }

    @Override
    public synchronized PythonProbe python() {
        return python;
    }

    @Override
    public synchronized RuntimeProbe runtime(EnvironmentLayout environment, FeatureSet features) {
        runtimeCalls.add(new RuntimeProbeCall(environment, features));
        return runtime;
    }
}
