package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Judges a daemon from its state file and the process table only: no request to the daemon and no
 * process started, so status, prune and install can afford it. "Running" means the recorded process is
 * alive and is the daemon (same start instant, a {@code ktx-daemon serve-http} command line); whether it
 * answers is for start and doctor to ask.
 *
 * <p>Without a valid record, "nothing recorded" must not be read as "nothing runs": when {@code daemon.json}
 * is damaged, or a start left its marker (it is under way, or was killed before recording its daemon), the
 * process table is searched for daemons launched from the version's directory. Only then: with neither
 * file there, which is status's everyday case, the table is not read.
 */
public final class DaemonInspector {

    static final String START_NOT_RECORDED =
            "A ktx runtime start has not recorded the daemon it launched (the start is still under way, or was interrupted)";
    static final String START_ENDED_UNRECORDED =
            "A ktx runtime start ended before it recorded the daemon it launched";

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
        return inspect(layout.cliVersion().value());
    }

    /** The daemon of any version under this root (prune asks about the others). */
    public DaemonState inspect(String version) {
        Path statePath = layout.daemonStatePath(version);
        Path marker = layout.daemonStartingPath(version);
        // The marker first: a start removes it only after recording its daemon, so in this order a daemon
        // being recorded right now is seen either as unrecorded or as recorded, never missed.
        Optional<DaemonFiles.StartMarker> starting = files.readStartMarker(marker);
        DaemonFiles.StateRead read = files.readState(statePath);
        if (read instanceof DaemonFiles.Absent) {
            return starting.isEmpty() ? new DaemonState.Stopped(statePath) : afterStart(statePath, marker, starting.get(), version);
        }
        if (read instanceof DaemonFiles.Invalid invalid) {
            return unrecorded(statePath, statePath, "Daemon state is invalid: " + invalid.reason(), version);
        }
        if (!(read instanceof DaemonFiles.Present present)) {
            throw new AssertionError(read);
        }
        DaemonRecord record = present.record();
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

    /**
     * A marker and no record. While the start that left the marker runs, it may be about to spawn or to
     * record its daemon. Once that ktx is gone (killed, or ended by a signal after its shutdown hook ended the
     * daemon), only the process table tells, and only where it shows command lines: no daemon launched from
     * this version found there, and the marker is a leftover.
     */
    private DaemonState afterStart(Path statePath, Path marker, DaemonFiles.StartMarker start, String version) {
        boolean over = start.starter().filter(this::isGone).isPresent();
        DaemonState.Unrecorded unrecorded = unrecorded(statePath, marker, over ? START_ENDED_UNRECORDED : START_NOT_RECORDED, version);
        boolean nothingFound = unrecorded.processes().isEmpty() && processes.showsCommandLines();
        return over && nothingFound ? new DaemonState.Stopped(statePath) : unrecorded;
    }

    /** No process has the starter's pid, or the one that has it is known to have started at another time. */
    private boolean isGone(DaemonFiles.Starter starter) {
        return processes.find(starter.pid())
                .map(process -> process.startedOtherwiseThan(starter.startedAt(), starter.kernelStart()))
                .orElse(true);
    }

    private DaemonState.Unrecorded unrecorded(Path statePath, Path stateFile, String reason, String version) {
        return new DaemonState.Unrecorded(statePath, stateFile, reason, launchedFrom(layout.versionDir(version)));
    }

    /**
     * The daemons whose launcher lies in the version directory: as the command line spells it, or, for a
     * root that another ktx reached through a symbolic link (or this one did), once both are resolved.
     */
    private List<ProcessSnapshot> launchedFrom(Path versionDir) {
        List<ProcessSnapshot> daemons = runningDaemons();
        if (daemons.isEmpty()) {
            return daemons;
        }
        Optional<Path> realVersionDir = files.realPath(versionDir);
        return daemons.stream()
                .filter(process -> process.isKtxDaemonLaunchedFrom(versionDir)
                        || realVersionDir.filter(realDir -> launcherResolvesInto(process, realDir)).isPresent())
                .toList();
    }

    /**
     * Only an absolute launcher (a relative one names a file relative to wherever the daemon was started,
     * not to this ktx), and only its directory resolved: a {@code ktx-daemon} elsewhere that merely links
     * into this runtime is not launched from it.
     */
    private boolean launcherResolvesInto(ProcessSnapshot process, Path realDirectory) {
        try {
            return process.daemonLauncher()
                    .map(Path::of)
                    .filter(launcher -> launcher.isAbsolute() && launcher.getParent() != null)
                    .flatMap(launcher -> files.realPath(launcher.getParent()).map(dir -> dir.resolve(launcher.getFileName())))
                    .filter(realLauncher -> realLauncher.startsWith(realDirectory))
                    .isPresent();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Every live {@code ktx-daemon serve-http} of this user, of any version or root, recorded or not. */
    List<ProcessSnapshot> runningDaemons() {
        return processes.listOwn().stream().filter(ProcessSnapshot::isKtxDaemon).toList();
    }

    /** Whether this version's start marker is there; with a {@link DaemonState.Stopped} state, a leftover one. */
    boolean leftAStartMarker() {
        return files.readStartMarker(layout.daemonStartingPath()).isPresent();
    }

    /**
     * Removes this version's daemon state: {@code daemon.json} and a start's marker. Both, always: a marker
     * left beside a record (ktx killed between writing the one and removing the other) would otherwise
     * outlive the record and describe a start that is long over.
     */
    void forget() throws IOException {
        files.deleteState(layout.daemonStatePath());
        files.unmarkStarting(layout.daemonStartingPath());
    }

    /** The recorded daemon's process, looked up again now, if it still is that daemon. */
    Optional<ProcessSnapshot> ourProcess(DaemonRecord record) {
        return processes.find(record.pid()).filter(record::identifies);
    }
}
