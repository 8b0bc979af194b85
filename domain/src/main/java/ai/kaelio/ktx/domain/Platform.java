package ai.kaelio.ktx.domain;

import java.util.Locale;

/** The operating-system families whose conventions decide where files live. */
public enum Platform {
    MACOS,
    WINDOWS,
    LINUX;

    /** Maps a {@code os.name} value; every system that is neither macOS nor Windows follows Linux (XDG) rules. */
    public static Platform fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return LINUX;
    }

    public String executableName(String name) {
        return this == WINDOWS ? name + ".exe" : name;
    }

    public String scriptsDirectory() {
        return this == WINDOWS ? "Scripts" : "bin";
    }

    /** What separates the entries of {@code PATH}. */
    public String pathSeparator() {
        return this == WINDOWS ? ";" : ":";
    }

    /**
     * Whether {@code path} is absolute by this platform's rules, whatever the platform ktx runs on: a
     * drive and a separator ({@code C:\}) or a UNC share ({@code \\server}) on Windows, a leading
     * {@code /} elsewhere.
     */
    public boolean isAbsolute(String path) {
        if (this != WINDOWS) {
            return path.startsWith("/");
        }
        boolean drive = path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && isWindowsSeparator(path.charAt(2));
        boolean unc = path.length() >= 2 && isWindowsSeparator(path.charAt(0)) && isWindowsSeparator(path.charAt(1));
        return drive || unc;
    }

    private static boolean isWindowsSeparator(char c) {
        return c == '\\' || c == '/';
    }
}
