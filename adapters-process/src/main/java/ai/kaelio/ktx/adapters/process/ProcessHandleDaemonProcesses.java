package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Daemon processes through {@link ProcessHandle} and a plain {@link ProcessBuilder}: the process table is
 * read from the JDK, never by parsing {@code ps}, and nothing here loads zt-exec, so status stays cheap.
 * Before every signal the pid's start instant is compared with the snapshot's, so a pid that has been
 * given to another process is left alone.
 */
final class ProcessHandleDaemonProcesses implements DaemonProcesses {

    static final String TOKEN_VARIABLE = "KTX_DAEMON_TOKEN";

    /**
     * Run by the runtime's own Python: leave ktx's session (so Ctrl-C at ktx's terminal, or the terminal
     * closing, does not reach the daemon), then become the daemon in place, keeping the pid ktx knows.
     */
    static final String DETACH = String.join("\n",
            "import os, sys",
            "try:",
            "    os.setsid()",
            "except (AttributeError, OSError):",
            "    pass",
            "os.execv(sys.argv[1], sys.argv[1:])");

    private static final Duration POLL = Duration.ofMillis(20);

    private final HostEnvironment host;

    @Inject
    ProcessHandleDaemonProcesses(HostEnvironment host) {
        this.host = host;
    }

    @Override
    public Optional<ProcessSnapshot> find(long pid) {
        return ProcessHandle.of(pid).filter(this::isRunning).map(this::identified);
    }

    @Override
    public List<ProcessSnapshot> listOwn() {
        Optional<String> me = ProcessHandle.current().info().user();
        long self = ProcessHandle.current().pid();
        try (var processes = ProcessHandle.allProcesses()) {
            return processes.filter(handle -> handle.pid() != self)
                    .map(ProcessHandleDaemonProcesses::snapshot)
                    .filter(process -> me.isPresent() && process.user().equals(me))
                    .toList();
        }
    }

    @Override
    public boolean showsCommandLines() {
        return host.platform() != Platform.WINDOWS;
    }

    @Override
    public ProcessSnapshot current() {
        return identified(ProcessHandle.current());
    }

    @Override
    public ProcessSnapshot spawn(Launch launch) throws IOException {
        List<String> command = new ArrayList<>();
        if (host.platform() == Platform.WINDOWS) {
            // No sessions to leave, and exec would give the daemon a new pid: start it directly.
            command.add(launch.daemon().toString());
        } else {
            command.addAll(List.of(launch.python().toString(), "-c", DETACH, launch.daemon().toString()));
        }
        command.addAll(launch.arguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        ChildEnvironment.applyTo(builder.environment(), host);
        builder.environment().put(TOKEN_VARIABLE, launch.token());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File(host.platform() == Platform.WINDOWS ? "NUL" : "/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        builder.redirectErrorStream(true);
        // Not the user's working directory, which the daemon would otherwise keep busy for its whole life.
        if (launch.log().getParent() != null) {
            builder.directory(launch.log().getParent().toFile());
        }
        Process process = PendingDaemons.start(builder);
        ProcessHandle.Info info = process.toHandle().info();
        return new ProcessSnapshot(process.pid(), info.startInstant(), command, info.user(), kernelStart(process.pid()));
    }

    @Override
    public void release(ProcessSnapshot process) {
        PendingDaemons.release(process.pid());
    }

    @Override
    public boolean terminate(ProcessSnapshot process) {
        return same(process).map(ProcessHandle::destroy).orElse(false);
    }

    @Override
    public boolean kill(ProcessSnapshot process) {
        return same(process).map(ProcessHandle::destroyForcibly).orElse(false);
    }

    @Override
    public boolean awaitExit(ProcessSnapshot process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (same(process).isPresent()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /** The live process the snapshot describes: same pid, a start known to be the same; never ktx itself. */
    private Optional<ProcessHandle> same(ProcessSnapshot process) {
        if (process.startedAt().isEmpty() || process.pid() == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(process.pid())
                .filter(this::isRunning)
                .filter(handle -> identified(handle).isSameProcessAs(process));
    }

    /**
     * Alive and not a zombie. A killed process stays in the table until its parent reaps it, and a daemon
     * that outlived ktx has init as its parent, which may take its time; the JDK counts it alive meanwhile.
     */
    private boolean isRunning(ProcessHandle handle) {
        return handle.isAlive() && !(host.platform() == Platform.LINUX && ProcStat.isZombie(handle.pid()));
    }

    /**
     * A snapshot that another ktx can identify, or that is checked against one: with the kernel's start
     * where the system has it. Listings leave it out (one more file per process); what they find is only
     * ever compared with what this same JVM sees.
     */
    private ProcessSnapshot identified(ProcessHandle handle) {
        return snapshot(handle, kernelStart(handle.pid()));
    }

    private Optional<String> kernelStart(long pid) {
        return host.platform() == Platform.LINUX ? ProcStat.kernelStart(pid) : Optional.empty();
    }

    private static ProcessSnapshot snapshot(ProcessHandle handle) {
        return snapshot(handle, Optional.empty());
    }

    private static ProcessSnapshot snapshot(ProcessHandle handle, Optional<String> kernelStart) {
        ProcessHandle.Info info = handle.info();
        List<String> command = new ArrayList<>();
        Optional<String[]> arguments = info.arguments();
        if (info.command().isPresent() && arguments.isPresent()) {
            command.add(info.command().get());
            command.addAll(Arrays.asList(arguments.get()));
        } else {
            // The system gave only the joined command line (another user's process on some systems).
            info.commandLine().ifPresent(line -> command.addAll(Arrays.asList(line.strip().split("\\s+"))));
        }
        return new ProcessSnapshot(handle.pid(), info.startInstant(), command, info.user(), kernelStart);
    }
}
