package ai.kaelio.ktx.adapters.cli.shell;

import ai.kaelio.ktx.adapters.cli.command.Commands;
import ai.kaelio.ktx.adapters.cli.commandline.CommandLines;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.command.CliHarness;
import ai.kaelio.ktx.adapters.cli.command.ShellCommand;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell's loop, driven through a JLine dumb terminal with scripted keystrokes. */
class ShellLoopTest {

    private static final String CTRL_C = "\u0003";
    private static final String STATUS = new CliHarness().inspect(ShellLoopTest::missing).run("runtime", "status").out();

    @TempDir
    Path dir;

    private final AtomicInteger statusCalls = new AtomicInteger();
    private final CliHarness harness = new CliHarness().inspect(() -> {
        statusCalls.incrementAndGet();
        return missing();
    });

    @Test
    void aFailingCommandPrintsItsErrorAndTheNextCommandRuns() throws Exception {
        Session session = type("runtime statsu\nruntime status\n");

        assertThat(session.code()).as("end of input (Ctrl-D) leaves with 0").isZero();
        assertThat(session.err()).contains("statsu").contains("Did you mean");
        assertThat(session.out()).isEqualTo(STATUS);
        assertThat(session.screen()).contains(ShellLoop.PROMPT);
    }

    @Test
    void historyIsWrittenAndTheNextSessionCanRecallIt() throws Exception {
        type("runtime status --json\nruntime status\n");
        assertThat(Files.readAllLines(history())).hasSize(2).last().asString().endsWith(":runtime status");

        Session next = type("");

        assertThat(next.history()).containsExactly("runtime status --json", "runtime status");
    }

    @Test
    void historyFileIsKeptToItsSizeLimit() throws Exception {
        List<String> old = IntStream.range(0, 1_400).mapToObj(i -> "1700000000000:runtime status # " + i).toList();
        Files.createDirectories(history().getParent());
        Files.write(history(), old);

        type("runtime doctor --help\n");

        List<String> kept = Files.readAllLines(history());
        assertThat(kept).hasSizeLessThanOrEqualTo(ShellLineReaders.HISTORY_SIZE);
        assertThat(kept.get(kept.size() - 1)).endsWith(":runtime doctor --help");
    }

    @Test
    void ctrlCAtThePromptClearsTheLine() throws Exception {
        Session session = type("runtime sta" + CTRL_C + "runtime status\n");

        assertThat(session.out()).isEqualTo(STATUS);
        assertThat(session.err()).isEmpty();
        assertThat(statusCalls).hasValue(1);
    }

    @Test
    void exitEndsTheShell() throws Exception {
        Session session = type("exit\nruntime status\n");

        assertThat(session.code()).isZero();
        assertThat(statusCalls).hasValue(0);
    }

    @Test
    void ctrlCDuringACommandCancelsItAndTheShellGoesOn() throws Exception {
        CountDownLatch installing = new CountDownLatch(1);
        harness.install(request -> {
            installing.countDown();
            Thread.sleep(Duration.ofMinutes(1).toMillis());
            throw new AssertionError("the install was not interrupted");
        });
        Terminal terminal = terminal("runtime install\nruntime status\n");
        Thread ctrlC = new Thread(() -> {
            try {
                if (installing.await(30, TimeUnit.SECONDS)) {
                    terminal.raise(Terminal.Signal.INT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ctrlC.start();

        Session session = run(terminal);

        assertThat(session.err()).isEqualTo("Interrupted.\n");
        assertThat(session.out()).isEqualTo(STATUS);
        assertThat(Thread.currentThread().isInterrupted()).as("the shell thread is left clean").isFalse();
    }

    @Test
    void tabListsTheCandidatesInColourUnlessColourIsOff() throws Exception {
        String keys = "runtime sta\t\u0015exit\n";

        String coloured = run(terminal(keys, "xterm"), true).screen();
        screen.reset();
        String plain = run(terminal(keys, "xterm"), false).screen();

        assertThat(coloured).contains("\u001b[36msta\u001b[0mrt");
        assertThat(plain).contains("start").contains("status").doesNotContain("\u001b[3");
    }

    private Session type(String keys) throws IOException {
        return run(terminal(keys));
    }

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    /**
     * A virtual terminal reading scripted keys in the reader's own thread, so every run is deterministic.
     * It turns Ctrl-C into SIGINT as a terminal's line discipline does.
     */
    private Terminal terminal(String keys) throws IOException {
        return terminal(keys, Terminal.TYPE_DUMB);
    }

    /** A type other than dumb gets the full key map (Tab completes) and draws with escape sequences. */
    private Terminal terminal(String keys, String type) throws IOException {
        Terminal terminal = new DumbTerminal("test", type,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        // Unset control characters read as -1, which end of input would match, raising a signal forever.
        attributes.setControlChar(Attributes.ControlChar.VQUIT, 28);
        attributes.setControlChar(Attributes.ControlChar.VSUSP, 26);
        attributes.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        terminal.setAttributes(attributes);
        return terminal;
    }

    private Session run(Terminal terminal) throws IOException {
        return run(terminal, true);
    }

    private Session run(Terminal terminal, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        try (terminal) {
            LineReader reader = ShellLineReaders.create(terminal,
                    CommandLines.whole(Commands.TREE, harness.factory(), outWriter, errWriter).getCommandSpec(), Optional.of(history()), colour);
            LineRunner runner = words -> CommandLines.run(Commands.TREE, harness.factory(), outWriter, errWriter,
                    words.toArray(String[]::new));
            int code = new ShellLoop(reader, new ShellSession(runner, outWriter, errWriter)).run();
            List<String> history = new ArrayList<>();
            reader.getHistory().forEach(entry -> history.add(entry.line()));
            return new Session(code, out.toString(), err.toString(), screen.toString(StandardCharsets.UTF_8), history);
        }
    }

    private Path history() {
        return dir.resolve("data").resolve(ShellCommand.HISTORY_FILE);
    }

    private static RuntimeStatus missing() {
        return new RuntimeStatus.Missing(CliHarness.LAYOUT);
    }

    record Session(int code, String out, String err, String screen, List<String> history) {
    }
}
