package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.nio.file.Path;
import java.util.List;

/** How an install ended. Refusals and failures are outcomes, not exceptions. */
public sealed interface InstallResult {

    /** A new environment was built and committed. */
    record Installed(RuntimeLayout layout, InstalledManifest manifest) implements InstallResult {
    }

    /** A ready runtime already covered the request; nothing was run. */
    record AlreadyReady(RuntimeLayout layout, InstalledManifest manifest) implements InstallResult {
    }

    /** Nothing was attempted, for the reason given (a damaged bundled wheel, an unusable interpreter…). */
    record Refused(String reason) implements InstallResult {
    }

    /** Daemons of this runtime run from the environment a reinstall would remove; nothing was attempted. */
    record DaemonRunning(List<Long> pids) implements InstallResult {
        public DaemonRunning {
            pids = List.copyOf(pids);
        }
    }

    /** A provisioning command failed; the previous runtime, if any, is as it was. */
    record Failed(Path installLog, String command, List<String> outputTail) implements InstallResult {
        public Failed {
            outputTail = List.copyOf(outputTail);
        }
    }
}
