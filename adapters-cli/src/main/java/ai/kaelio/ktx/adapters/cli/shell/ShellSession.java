package ai.kaelio.ktx.adapters.cli.shell;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs one shell line through the same picocli command tree as terminal mode, so every command behaves
 * and prints exactly as it does there. Knows the few words that only make sense inside the shell.
 * Free of JLine: the interactive and the scripted front end share it.
 */
public final class ShellSession {

    public static final String NESTED = "You are already in the ktx shell.";
    public static final String SHELL_HELP = "In the shell, type commands without 'ktx'. Tab completes; "
            + "exit, quit or Ctrl-D leaves; Ctrl-C clears the line or cancels the running command.";

    private final LineRunner runner;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param runner runs each line on a fresh command tree, printing to {@code out} and {@code err} */
    public ShellSession(LineRunner runner, PrintWriter out, PrintWriter err) {
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    /** What became of a line: whether the shell should end, and the exit code of the command it ran. */
    record Outcome(boolean exit, int code) {
        static final Outcome NOTHING = new Outcome(false, ExitCodes.OK);
        static final Outcome EXIT = new Outcome(true, ExitCodes.OK);
    }

    Outcome run(List<String> line) {
        List<String> words = withoutLeadingKtx(line);
        if (words.isEmpty()) {
            return Outcome.NOTHING;
        }
        String first = words.get(0);
        if (first.equals("exit") || first.equals("quit")) {
            return Outcome.EXIT;
        }
        if (first.equals("shell")) {
            err.println(NESTED);
            err.flush();
            return new Outcome(false, ExitCodes.FAILED);
        }
        // A fresh tree per line: no option value of one line can leak into the next.
        int code = runner.run(words);
        if (words.equals(List.of("help"))) {
            out.println();
            out.println(SHELL_HELP);
            out.flush();
        }
        return new Outcome(false, code);
    }

    /** People type what they would type in their shell; {@code ktx runtime status} means {@code runtime status}. */
    private static List<String> withoutLeadingKtx(List<String> words) {
        return !words.isEmpty() && words.get(0).equals("ktx") ? words.subList(1, words.size()) : words;
    }
}
