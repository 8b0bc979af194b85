package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.PythonVersion;
import java.nio.file.Path;
import java.util.Optional;

/** Looks at the tools on this host and at an installed runtime, for doctor. */
public interface ToolProbes {

    UvProbe uv() throws InterruptedException;

    PythonProbe python() throws InterruptedException;

    /** Runs the runtime's own Python and daemon launcher to prove the package really imports. */
    RuntimeProbe runtime(EnvironmentLayout environment, FeatureSet features) throws InterruptedException;

    sealed interface UvProbe {
    }

    record UvFound(Path executable, String version) implements UvProbe {
    }

    record UvMissing(String reason) implements UvProbe {
    }

    sealed interface PythonProbe {
    }

    record PythonFound(Path executable, PythonVersion version, Optional<String> pipVersion) implements PythonProbe {
    }

    record PythonMissing(String reason) implements PythonProbe {
    }

    /** {@code ok} with one line of detail: what ran, or what went wrong. */
    record RuntimeProbe(boolean ok, String detail) {
    }
}
