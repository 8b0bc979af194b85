package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built distribution's {@code bin/ktx} as a separate process, as a user would. */
final class KtxRun {

    private final Path launcher;
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private final List<String> wrapper = new ArrayList<>();

    private KtxRun(Path launcher, Path runtimeRoot) {
        this.launcher = launcher;
        environment.keySet().removeIf(name -> name.startsWith("KTX_"));
        environment.put("KTX_RUNTIME_ROOT", runtimeRoot.toString());
        // The machine's default package index does not answer; never wait on its retries.
        environment.put("PIP_RETRIES", "0");
    }

    static Path distribution() {
        Path dist = Path.of(System.getProperty("ktx.dist", "target/ktx")).toAbsolutePath();
        assertThat(dist.resolve("bin/ktx")).as("the distribution is built by 'package' before the ITs").isExecutable();
        return dist;
    }

    static KtxRun against(Path runtimeRoot) {
        return new KtxRun(distribution().resolve("bin/ktx"), runtimeRoot);
    }

    static KtxRun with(Path launcher, Path runtimeRoot) {
        return new KtxRun(launcher, runtimeRoot);
    }

    KtxRun env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /**
     * Runs ktx, and all it starts, where {@code directory} looks empty: an empty file system mounted over it
     * in a mount namespace of their own (util-linux's unshare, as root). False, and nothing changed, when
     * this user cannot.
     */
    boolean hiding(Path directory) throws IOException, InterruptedException {
        List<String> hide = List.of("unshare", "--mount", "sh", "-c", "mount -t tmpfs ktx-test-hidden \"$0\" && exec \"$@\"",
                directory.toString());
        List<String> probe = new ArrayList<>(hide);
        probe.add("true");
        Process tried = new ProcessBuilder(probe).redirectErrorStream(true).start();
        tried.getInputStream().readAllBytes();
        if (tried.waitFor() != 0) {
            return false;
        }
        wrapper.addAll(hide);
        return true;
    }

    KtxRun prependPath(Path directory) {
        return env("PATH", directory + java.io.File.pathSeparator + environment.getOrDefault("PATH", ""));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return start(args).finish();
    }

    Started start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** Starts ktx as the leader of a new process group, so a test can kill it with all its children. */
    Started startInNewSession(String... args) throws IOException {
        return start(List.of("setsid"), args);
    }

    /**
     * Runs ktx, and everything it starts, under a limit on the size of any file written ({@code prlimit
     * --fsize}): a write past it fails with "File too large", as one on a full disk fails with "No space
     * left on device", and no writer can get around either.
     */
    Result runWithFileSizeLimit(long bytes, String... args) throws IOException, InterruptedException {
        return start(List.of("prlimit", "--fsize=" + bytes), args).finish();
    }

    /** Runs ktx as another user (uid and gid both {@code id}), as root can: util-linux's setpriv. */
    Result runAs(int id, String... args) throws IOException, InterruptedException {
        return start(List.of("setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups"), args).finish();
    }

    private Started start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Process process = builder(command).start();
        process.getOutputStream().close();
        return new Started(process,
                CompletableFuture.supplyAsync(() -> read(process.getInputStream())),
                CompletableFuture.supplyAsync(() -> read(process.getErrorStream())));
    }

    /** Runs with {@code input} piped to stdin, as in {@code echo input | ktx …}. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Process process = builder(command).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Started(process,
                CompletableFuture.supplyAsync(() -> read(process.getInputStream())),
                CompletableFuture.supplyAsync(() -> read(process.getErrorStream()))).finish();
    }

    /**
     * A builder for any command line (a wrapper around bin/ktx, such as script(1)) with this run's environment.
     * The command starts with the stop signals at their defaults, as from a user's terminal: a build started
     * in the background of a non-interactive shell ignores SIGINT, every child would inherit that, and the
     * tests of Ctrl-C would test nothing.
     */
    ProcessBuilder builder(List<String> command) {
        List<String> withDefaultSignals = new ArrayList<>(wrapper);
        withDefaultSignals.addAll(List.of("env", "--default-signal=INT,TERM,HUP,QUIT"));
        withDefaultSignals.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(withDefaultSignals);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    Path launcher() {
        return launcher;
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Started(Process process, CompletableFuture<String> out, CompletableFuture<String> err) {
        Result finish() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ktx did not finish within 180 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        }
    }

    record Result(int code, String out, String err) {
        Result succeeds() {
            assertThat(code).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
            return this;
        }

        Result exits(int expected) {
            assertThat(code).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
            return this;
        }

        /** Stderr without install progress (one "<step>…" line per step without a terminal): what went wrong. */
        String problem() {
            return err.lines().filter(line -> !PROGRESS_LINES.contains(line))
                    .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        }

        private static final java.util.Set<String> PROGRESS_LINES = java.util.Arrays.stream(
                ai.kaelio.ktx.domain.InstallStep.values()).map(step -> step.label() + "…").collect(java.util.stream.Collectors.toSet());

        String line(String prefix) {
            return out.lines().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(prefix.length()))
                    .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
        }
    }

    /** A stand-in for uv that records its arguments and does the work with the real python's venv and pip. */
    static Path standInUv(Path directory, boolean failVenv) throws IOException {
        Files.createDirectories(directory);
        Path uv = directory.resolve("uv");
        String python = TestWheels.python();
        Files.writeString(uv, String.join("\n",
                "#!/bin/sh",
                "echo \"$*\" >> \"" + directory.resolve("calls.log") + "\"",
                "case \"$1\" in",
                "  --version) echo 'uv 0.9.5 (stand-in)' ;;",
                failVenv ? "  venv) echo 'bad python' >&2; exit 1 ;;" : "  venv) exec " + python + " -m venv --without-pip \"$2\" ;;",
                "  pip) shift 3; target=$1; shift; exec " + python + " -m pip --python \"$target\" install \"$@\" ;;",
                "  *) echo \"unexpected: $*\" >&2; exit 2 ;;",
                "esac",
                ""));
        uv.toFile().setExecutable(true);
        return uv;
    }

    /**
     * A stand-in for uv whose {@code pip install} hangs: it starts a {@code sleep} in the background (as a
     * helper process would be) and waits, after writing "shell-pid sleep-pid" to {@code pids}. Its
     * {@code venv} works, so an install gets as far as installing packages.
     */
    static Path slowUv(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path uv = directory.resolve("uv");
        Files.writeString(uv, String.join("\n",
                "#!/bin/sh",
                "echo \"$*\" >> \"" + directory.resolve("calls.log") + "\"",
                "case \"$1\" in",
                "  --version) echo 'uv 0.9.5 (slow stand-in)' ;;",
                "  venv) exec " + TestWheels.python() + " -m venv --without-pip \"$2\" ;;",
                "  pip) sleep 300 & echo \"$$ $!\" > \"" + directory.resolve("pids") + "\"; wait ;;",
                "  *) echo \"unexpected: $*\" >&2; exit 2 ;;",
                "esac",
                ""));
        uv.toFile().setExecutable(true);
        return uv;
    }

    /** The pids the slow stand-in wrote once its pip install hangs: its shell's, then its sleep's. */
    static List<Long> awaitHangingPip(Path directory) throws IOException, InterruptedException {
        Path pids = directory.resolve("pids");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(pids)) {
                String[] fields = Files.readString(pids).strip().split(" ");
                if (fields.length == 2) {
                    return List.of(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow uv's pip install did not start within 60 s");
    }
}
