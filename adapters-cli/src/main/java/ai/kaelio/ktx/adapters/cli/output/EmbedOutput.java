package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.EmbedResult;
import java.io.PrintWriter;

/** {@code ktx embed}: nothing more on success (the vectors are the output); otherwise one sentence on stderr and 1. */
public final class EmbedOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final String inputName;

    /** @param inputName how to name the input: empty for texts given as arguments, else the file (or "standard input") */
    public EmbedOutput(PrintWriter out, PrintWriter err, String inputName) {
        this.out = out;
        this.err = err;
        this.inputName = inputName;
    }

    public int print(EmbedResult result) {
        if (result instanceof EmbedResult.Embedded) {
            return ExitCodes.OK;
        }
        if (result instanceof EmbedResult.NothingToEmbed) {
            err.println(inputName.isEmpty()
                    ? "Nothing to embed: give texts as arguments, or lines with --input FILE (- for standard input)."
                    : "Nothing to embed: " + inputName + " has no lines.");
        } else if (result instanceof EmbedResult.EmptyText empty) {
            err.println((inputName.isEmpty() ? "Text " + (empty.index() + 1) : "Line " + (empty.index() + 1) + " of " + inputName)
                    + " is empty: each text is embedded as one vector, so remove the empty one (skipping it would"
                    + " shift every later index).");
        } else if (result instanceof EmbedResult.DaemonUnavailable unavailable) {
            // The runtime or daemon could not be had: what start says about it, on stderr (stdout is for vectors).
            return new StartOutput(err, err, false).print(unavailable.start());
        } else if (result instanceof EmbedResult.ModelUnavailable model) {
            err.println(model.message());
        } else if (result instanceof EmbedResult.Refused refused) {
            err.println("The KTX daemon refused the texts from index " + refused.embedded() + " on: " + refused.message());
        } else if (result instanceof EmbedResult.DaemonLost lost) {
            err.println("The KTX daemon (pid " + lost.pid() + ") stopped answering after " + lost.embedded()
                    + " texts (" + lost.reason() + "). The next ktx embed starts a new one.");
        } else {
            throw new AssertionError(result);
        }
        out.flush();
        return ExitCodes.FAILED;
    }
}
