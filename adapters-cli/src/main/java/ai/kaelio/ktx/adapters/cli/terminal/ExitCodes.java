package ai.kaelio.ktx.adapters.cli.terminal;

/** The contract's exit codes (section 1), in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** As shells do: found but could not be started; not found. */
    public static final int CANNOT_RUN = 126;
    public static final int COMMAND_NOT_FOUND = 127;
    public static final int INTERRUPTED = 130;
    /** 128 + SIGPIPE: what a shell reports for a writer whose reader went away. */
    public static final int OUTPUT_CLOSED = 141;
    /** 128 + SIGTERM, as the JVM and shells report it. */
    static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
