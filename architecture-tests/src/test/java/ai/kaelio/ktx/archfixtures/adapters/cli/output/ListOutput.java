package ai.kaelio.ktx.archfixtures.adapters.cli.output;

/** Well-formed: an output that knows nothing of the commands that use it. */
public final class ListOutput {

    private ListOutput() {
    }

    public static String render(int count) {
        return count + " widgets";
    }
}
