package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The fixed places of one CLI version's runtime. The virtual environment is not among them: every
 * install attempt builds a fresh one at its final path (virtual environments cannot be moved), and the
 * installed manifest names the one in use.
 */
public record RuntimeLayout(
        CliVersion cliVersion,
        Platform platform,
        Path runtimeRoot,
        Path versionDir,
        Path manifestPath,
        Path installLogPath,
        Path daemonStatePath,
        Path assetDir,
        Path assetManifestPath) {

    /** Environment directories are named {@code venv-<attempt>}; anything else in the version dir is not one. */
    public static final String ENVIRONMENT_PREFIX = "venv-";
    /** Each attempt's own log is {@code install-<attempt>.log}, beside its {@code venv-<attempt>}. */
    public static final String ATTEMPT_LOG_PREFIX = "install-";
    static final String LOG_SUFFIX = ".log";
    static final String LOCKS_DIRECTORY = ".locks";
    static final String DAEMON_STARTING_FILE = "daemon.starting";

    public static RuntimeLayout of(CliVersion cliVersion, Platform platform, Path runtimeRoot, Path assetDir) {
        // Callers pass absolute paths; the domain does not consult the working directory.
        Path root = runtimeRoot.normalize();
        Path versionDir = root.resolve(cliVersion.value());
        Path assets = assetDir.normalize();
        return new RuntimeLayout(
                cliVersion,
                platform,
                root,
                versionDir,
                versionDir.resolve("manifest.json"),
                versionDir.resolve("install.log"),
                versionDir.resolve("daemon.json"),
                assets,
                assets.resolve("manifest.json"));
    }

    public static RuntimeLayout of(CliVersion cliVersion, HostEnvironment host, Path assetDir) {
        return of(cliVersion, host.platform(), RuntimeRoots.runtimeRoot(host), assetDir);
    }

    public EnvironmentLayout environment(String attemptId) {
        return EnvironmentLayout.of(platform, versionDir.resolve(ENVIRONMENT_PREFIX + attemptId));
    }

    /**
     * Where one install attempt writes its log. Each attempt has a file of its own, so that a failed, killed
     * or cancelled attempt never overwrites {@code install.log}, the log of the runtime in use; committing the
     * attempt renames its log to {@code install.log}.
     */
    public Path attemptLogPath(String attemptId) {
        return versionDir.resolve(ATTEMPT_LOG_PREFIX + attemptId + LOG_SUFFIX);
    }

    /** The attempt log that belongs with one of this version's environments ({@code venv-<attempt>} in the version dir). */
    public Optional<Path> attemptLogPath(EnvironmentLayout environment) {
        Path venv = environment.venvDir().normalize();
        Path name = venv.getFileName();
        if (name == null || !versionDir.equals(venv.getParent()) || !name.toString().startsWith(ENVIRONMENT_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(attemptLogPath(name.toString().substring(ENVIRONMENT_PREFIX.length())));
    }

    /** Whether a name in the version dir is an attempt's log ({@code install.log} itself is not). */
    public static boolean isAttemptLogName(String name) {
        return name.startsWith(ATTEMPT_LOG_PREFIX) && name.endsWith(LOG_SUFFIX)
                && name.length() > ATTEMPT_LOG_PREFIX.length() + LOG_SUFFIX.length();
    }

    /**
     * The lock that serialises work on one version. It lives outside the version directory so that
     * removing the directory never removes a lock someone else may be waiting on.
     */
    public Path lockPath(String version) {
        return runtimeRoot.resolve(LOCKS_DIRECTORY).resolve(version + ".lock");
    }

    public Path lockPath() {
        return lockPath(cliVersion.value());
    }

    /** Another version's {@code daemon.json}, for prune. */
    public Path daemonStatePath(String version) {
        return versionDir(version).resolve(daemonStatePath.getFileName());
    }

    /** Any version's directory under this root. */
    public Path versionDir(String version) {
        return runtimeRoot.resolve(version);
    }

    /**
     * There from just before start spawns a daemon until {@code daemon.json} records it or the start has
     * ended it: while it is there without {@code daemon.json}, a daemon of this runtime may run that nothing
     * records (ktx was killed while the daemon came up).
     */
    public Path daemonStartingPath() {
        return daemonStartingPath(cliVersion.value());
    }

    public Path daemonStartingPath(String version) {
        return versionDir(version).resolve(DAEMON_STARTING_FILE);
    }

    /** The daemon's own files (its log and ready file), in a directory only the user may enter. */
    public Path daemonDir() {
        return versionDir.resolve("daemon");
    }

    public Path daemonLogPath() {
        return daemonDir().resolve("daemon.log");
    }

    /** Where a starting daemon announces its pid and port once it listens. */
    public Path daemonReadyPath() {
        return daemonDir().resolve("ready.json");
    }

    public boolean isInsideVersionDir(Path path) {
        Path normal = path.normalize();
        return normal.startsWith(versionDir) && !normal.equals(versionDir);
    }
}
