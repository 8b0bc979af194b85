package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.HostEnvironment;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessResult;

/**
 * Runs commands from argument lists (never through a shell) with zt-exec. Children get the host's
 * environment minus what would leak another Python into the runtime, and are ended as a whole tree if
 * ktx is interrupted or exits. A child killed by the signal that stops ktx is not reported as failing
 * (see {@link StopSignalDeaths}).
 */
final class CommandRunner {

    static final int TAIL_LINES = 20;

    private final HostEnvironment host;

    @Inject
    CommandRunner(HostEnvironment host) {
        this.host = host;
    }

    /** Runs a command whose output goes to the install log; returns its exit code and last lines. */
    Logged runLogged(List<String> command, InstallLog log) throws InterruptedException {
        log.command(command);
        Deque<String> tail = new ArrayDeque<>();
        java.util.function.Consumer<String> sink = line -> {
            log.line(line);
            synchronized (tail) {
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        };
        ProcessTrees.Tree tree = new ProcessTrees.Tree();
        long started = System.nanoTime();
        try {
            ProcessResult result = ProcessTrees.executor(command, childEnvironment(), tree)
                    .redirectOutput(sink::accept)
                    .redirectError(sink::accept)
                    .execute();
            log.note("exit " + result.getExitValue() + " after " + String.format(java.util.Locale.ROOT, "%.2f s",
                    (System.nanoTime() - started) / 1e9));
            ProcessTrees.stopSignalDeaths().judge(result.getExitValue());
            synchronized (tail) {
                return new Logged(result.getExitValue(), List.copyOf(tail));
            }
        } catch (IOException e) {
            String reason = "could not start " + command.get(0) + ": " + e.getMessage();
            log.line(reason);
            return new Logged(-1, List.of(reason));
        } catch (TimeoutException e) {
            throw new IllegalStateException("A command without a timeout timed out", e);
        } catch (InterruptedException e) {
            // The stopper has run if the child was still alive; this also covers a child that died first.
            tree.end();
            throw e;
        }
    }

    /**
     * Runs a short command for its output, giving up after {@code timeout}. The two streams are kept apart:
     * a child's stdout and stderr reach us through separate pipes, so any merged order would be a guess
     * (a buffered Python prints its stdout after the traceback that explains the failure).
     */
    Captured capture(List<String> command, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ProcessTrees.Tree tree = new ProcessTrees.Tree();
        try {
            ProcessResult result = ProcessTrees.executor(command, childEnvironment(), tree)
                    .redirectOutput(output)
                    .redirectError(errors)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .execute();
            ProcessTrees.stopSignalDeaths().judge(result.getExitValue());
            return new Captured(result.getExitValue(), output.toString(StandardCharsets.UTF_8),
                    errors.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Captured(-1, "could not start " + command.get(0) + ": " + e.getMessage());
        } catch (TimeoutException e) {
            tree.end();
            return new Captured(-1, command.get(0) + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            tree.end();
            throw e;
        }
    }

    private Map<String, String> childEnvironment() {
        Map<String, String> environment = ChildEnvironment.of(host);
        environment.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        environment.put("PIP_NO_INPUT", "1");
        return environment;
    }

    record Logged(int exitCode, List<String> tail) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** What a short command printed: {@code output} is its stdout, {@code errors} its stderr. */
    record Captured(int exitCode, String output, String errors) {
        /** A result that has only one text to tell, such as our own reason for a command that never ran. */
        Captured(int exitCode, String output) {
            this(exitCode, output, "");
        }

        boolean succeeded() {
            return exitCode == 0;
        }

        String firstLine() {
            List<String> lines = nonEmptyLines(output);
            return lines.isEmpty() ? "" : lines.get(0);
        }

        /**
         * The line that best explains the outcome: the last one of stderr for a failure, of stdout for a
         * success, falling back to the other stream when the first said nothing.
         */
        String lastLine() {
            List<String> first = nonEmptyLines(succeeded() ? output : errors);
            List<String> lines = first.isEmpty() ? nonEmptyLines(succeeded() ? errors : output) : first;
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        private static List<String> nonEmptyLines(String text) {
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }
}
