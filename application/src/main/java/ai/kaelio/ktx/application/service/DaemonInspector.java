package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Judges a daemon from its state file and the process table only: no request to the daemon and no
 * process started, so status, prune and install can afford it. "Running" means the recorded process is
 * alive and is the daemon (same start instant, a {@code ktx-daemon serve-http} command line); whether it
 * answers is for start and doctor to ask.
 */
public final class DaemonInspector {

    private final RuntimeLayout layout;
    private final DaemonFiles files;
    private final DaemonProcesses processes;

    public DaemonInspector(RuntimeLayout layout, DaemonFiles files, DaemonProcesses processes) {
        this.layout = layout;
        this.files = files;
        this.processes = processes;
    }

    /** This CLI version's daemon. */
    public DaemonState inspect() {
        return inspect(layout.daemonStatePath());
    }

    public DaemonState inspect(Path statePath) {
        DaemonFiles.StateRead read = files.readState(statePath);
        if (read instanceof DaemonFiles.Absent) {
            return new DaemonState.Stopped(statePath);
        }
        if (read instanceof DaemonFiles.Invalid invalid) {
            return new DaemonState.Stale(statePath, Optional.empty(), "Daemon state is invalid: " + invalid.reason());
        }
        DaemonRecord record = ((DaemonFiles.Present) read).record();
        Optional<ProcessSnapshot> process = processes.find(record.pid());
        if (process.isEmpty()) {
            return new DaemonState.Stale(statePath, Optional.of(record),
                    "The KTX daemon's process " + record.pid() + " is gone");
        }
        if (!record.identifies(process.get())) {
            return new DaemonState.Stale(statePath, Optional.of(record),
                    "Process " + record.pid() + " is no longer the KTX daemon (its pid was reused)");
        }
        return new DaemonState.Running(statePath, record);
    }

    /** The recorded daemon's process, looked up again now, if it still is that daemon. */
    Optional<ProcessSnapshot> ourProcess(DaemonRecord record) {
        return processes.find(record.pid()).filter(record::identifies);
    }
}
