package ai.kaelio.ktx.archfixtures.adapters.cli.command;

/** A command, as the parts below it must never see one. */
public final class ListCommand {

    private ListCommand() {
    }

    public static int run() {
        return 0;
    }
}
