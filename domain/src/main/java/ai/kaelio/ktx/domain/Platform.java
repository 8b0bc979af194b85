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
}
