package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A started daemon as {@code daemon.json} records it: where it listens, its token, what it offers,
 * and what identifies its process (pid plus the start instant the operating system gave it).
 * {@link #toString()} never shows the token.
 *
 * @param version      the version the daemon reported when it started (the runtime's package version)
 * @param startedAt    when ktx started it
 * @param processStart the operating system's start instant of the process, recorded to tell it from a
 *                     later process that reuses the pid
 * @param executable   the {@code ktx-daemon} it runs, which names the environment it runs from
 * @param processKernelStart the start in the kernel's own terms, where the system has them; unlike the
 *                     instant, it does not move when the wall clock is set (see {@link ProcessSnapshot})
 * @param model        the embedding model the daemon said it serves when it started (none without embeddings)
 */
public record DaemonRecord(
        long pid,
        DaemonEndpoint endpoint,
        String version,
        FeatureSet features,
        Instant startedAt,
        Instant processStart,
        Path log,
        Path executable,
        Optional<String> processKernelStart,
        Optional<String> model) {

    public DaemonRecord {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, not " + pid);
        }
        Objects.requireNonNull(endpoint, "endpoint");
        AssetManifest.requireText(version, "version");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(processStart, "processStart");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(processKernelStart, "processKernelStart");
        Objects.requireNonNull(model, "model");
    }

    /** A record without a model (a daemon without embeddings, or written by an earlier ktx). */
    public DaemonRecord(long pid, DaemonEndpoint endpoint, String version, FeatureSet features, Instant startedAt,
            Instant processStart, Path log, Path executable, Optional<String> processKernelStart) {
        this(pid, endpoint, version, features, startedAt, processStart, log, executable, processKernelStart, Optional.empty());
    }

    /** A record without the kernel's start (written where the system has none, or by an earlier ktx). */
    public DaemonRecord(long pid, DaemonEndpoint endpoint, String version, FeatureSet features, Instant startedAt,
            Instant processStart, Path log, Path executable) {
        this(pid, endpoint, version, features, startedAt, processStart, log, executable, Optional.empty(), Optional.empty());
    }

    public String url() {
        return endpoint.url();
    }

    /** The recorded daemon is this very process: same pid, same start, and a ktx-daemon command line. */
    public boolean identifies(ProcessSnapshot process) {
        return process.pid() == pid
                && process.startedAs(processStart, processKernelStart)
                && process.isKtxDaemon();
    }

    @Override
    public String toString() {
        return "DaemonRecord[pid=" + pid + ", " + endpoint + ", version=" + version + ", features=" + features
                + ", startedAt=" + startedAt + ", processStart=" + processStart + ", log=" + log
                + ", executable=" + executable + processKernelStart.map(kernel -> ", processKernelStart=" + kernel).orElse("")
                + model.map(name -> ", model=" + name).orElse("") + "]";
    }
}
