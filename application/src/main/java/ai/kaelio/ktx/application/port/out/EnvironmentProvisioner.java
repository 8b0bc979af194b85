package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import ai.kaelio.ktx.domain.PythonRequirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds one virtual environment at its final path and installs the wheel with the requested extras
 * into it, writing every command and its output to the install log. {@link Provisioned} means the
 * environment's {@code ktx-daemon} launcher was seen to start: an install never commits one that cannot.
 */
public interface EnvironmentProvisioner {

    String name();

    Outcome provision(Request request) throws IOException, InterruptedException;

    record Request(
            EnvironmentLayout environment,
            Path wheel,
            FeatureSet features,
            PythonRequirement requiresPython,
            Path installLog,
            Consumer<InstallStep> steps) {
    }

    sealed interface Outcome {
    }

    record Provisioned(ProvisionerInfo info) implements Outcome {
    }

    /**
     * Refused for a reason the user must fix, said in {@code reason}: an interpreter older than Requires-Python,
     * or a path whose launchers cannot start. Usually before creating anything; whatever was built is discarded.
     */
    record Refused(String reason) implements Outcome {
    }

    /** A command failed: which one, and the last lines it printed. */
    record Failed(String command, List<String> outputTail) implements Outcome {
        public Failed {
            outputTail = List.copyOf(outputTail);
        }
    }
}
