package ai.kaelio.ktx.archfixtures.util;

/** Broken on purpose (onionArchitecture): a package in no layer, which every layer rule would miss. */
public final class Strings {

    private Strings() {
    }

    public static boolean blank(String s) {
        return s.isBlank();
    }
}
