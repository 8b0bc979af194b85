package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.domain.HostEnvironment;
import java.io.InputStream;

/**
 * What the command line knows about the terminal it runs in, found without JLine: {@link System#console()}
 * is a cheap isatty check of stdin and stdout, so commands such as {@code runtime status} never pay for a
 * terminal library. JLine is loaded only once the shell actually starts.
 */
public final class HostTerminal {

    private final boolean interactive;
    private final boolean noColor;
    private final InputStream stdin;

    public HostTerminal(boolean interactive, boolean noColor, InputStream stdin) {
        this.interactive = interactive;
        this.noColor = noColor;
        this.stdin = stdin;
    }

    public static HostTerminal of(HostEnvironment host) {
        // https://no-color.org: any non-empty value turns colours off.
        return new HostTerminal(System.console() != null, host.variable("NO_COLOR").isPresent(), System.in);
    }

    /** A person at a terminal: stdin and stdout are both terminals. */
    public boolean interactive() {
        return interactive;
    }

    public boolean colour() {
        return interactive && !noColor;
    }

    public InputStream stdin() {
        return stdin;
    }
}
