package ai.kaelio.ktx.archfixtures.adapters.cli.terminal;

/** Well-formed: the terminal part, standing on nothing but the JDK. */
public final class Width {

    private Width() {
    }

    public static int columns() {
        return 80;
    }
}
