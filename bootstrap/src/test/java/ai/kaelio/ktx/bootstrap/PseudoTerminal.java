package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code bin/ktx} on a real pseudo-terminal through util-linux script(1) and types into it, as a user
 * at a terminal would: ktx sees a console, and Ctrl-C is turned into SIGINT by the terminal itself.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        this.reader = new Thread(() -> copy(process.getInputStream()), "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static PseudoTerminal start(KtxRun ktx, String... args) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "needs util-linux script(1) for a pseudo-terminal");
        List<String> line = new ArrayList<>();
        line.add(ktx.launcher().toString());
        line.addAll(List.of(args));
        // exec: script(1) runs the line with $SHELL or sh, which must not stay between the terminal and ktx,
        // or Ctrl-C would end that shell too (dash, unlike bash, does not exec a lone command by itself).
        String shellLine = "exec " + String.join(" ", line.stream().map(PseudoTerminal::quote).toList());
        // -e: exit with the command's code; -q: no banner; /dev/null: no typescript file.
        Process process = ktx.builder(List.of(SCRIPT.toString(), "-qec", shellLine, "/dev/null"))
                .redirectErrorStream(true).start();
        return new PseudoTerminal(process);
    }

    private static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = output.read(buffer)) >= 0; ) {
                screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            screen.append("\n[reading the terminal failed: ").append(e.getMessage()).append(']');
        }
    }

    /** Waits until the terminal shows {@code text}. */
    PseudoTerminal waitFor(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!screen().contains(text)) {
            if (!process.isAlive()) {
                reader.join(5_000);
                assertThat(screen()).as("what the terminal showed before its session ended").contains(text);
                break;
            }
            assertThat(System.nanoTime() < deadline).as("'%s' on the terminal within 60 s; it shows:%n%s", text, screen()).isTrue();
            Thread.sleep(50);
        }
        return this;
    }

    PseudoTerminal type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return this;
    }

    /** The command's exit code, once it has ended. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the terminal session did not end within 180 s; it shows:\n" + screen());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /**
     * What the terminal showed, with its carriage returns and escape sequences (colours, cursor moves, modes)
     * removed: a line editor such as ktx shell's draws words in pieces between them.
     */
    String screen() {
        return screen.toString().replace("\r", "").replaceAll("\u001b(\\[[0-9;?]*[A-Za-z~]|[=>])", "");
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        process.destroyForcibly();
    }
}
