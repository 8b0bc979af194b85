package ai.kaelio.ktx.adapters.cli;

/** The contract's exit codes (section 1), in one place. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** As shells do: found but could not be started; not found. */
    static final int CANNOT_RUN = 126;
    static final int COMMAND_NOT_FOUND = 127;
    static final int INTERRUPTED = 130;
    /** 128 + SIGPIPE: what a shell reports for a writer whose reader went away. */
    static final int OUTPUT_CLOSED = 141;
    /** 128 + SIGTERM, as the JVM and shells report it. */
    static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
