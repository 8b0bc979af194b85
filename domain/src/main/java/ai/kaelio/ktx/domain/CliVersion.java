package ai.kaelio.ktx.domain;

import java.util.regex.Pattern;

/**
 * The version of the ktx CLI; each one owns its own runtime directory named after it.
 * The same pattern decides which directory names under the runtime root are versions,
 * so prune never treats an unrelated name as a runtime.
 */
public record CliVersion(String value) {

    // The suffix must end in a letter or digit: otherwise "0.1.0.." or "0.1.0-" pass as "0.1" plus a suffix.
    private static final Pattern VERSION = Pattern.compile(
            "\\d+(\\.\\d+){1,3}([-+.][0-9A-Za-z]([0-9A-Za-z.+-]{0,62}[0-9A-Za-z])?)?");

    public CliVersion {
        if (value == null || !isVersionName(value)) {
            throw new IllegalArgumentException("Not a ktx version: " + value);
        }
    }

    public static boolean isVersionName(String name) {
        return VERSION.matcher(name).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
