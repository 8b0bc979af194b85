package ai.kaelio.ktx.domain;

/**
 * The version of the ktx CLI; each one owns its own runtime directory named after it.
 * The same check decides which directory names under the runtime root are versions,
 * so prune never treats an unrelated name as a runtime.
 */
public record CliVersion(String value) {

    private static final int MAX_NUMBERS = 4;
    private static final int MAX_SUFFIX = 64;

    public CliVersion {
        if (value == null || !isVersionName(value)) {
            throw new IllegalArgumentException("Not a ktx version: " + value);
        }
    }

    /**
     * Two to four dot-separated numbers, then optionally one of {@code - + .} and a suffix of up to 64
     * letters, digits and {@code . + -} that starts and ends with a letter or digit (so "0.1.0-" and
     * "0.1.0.." are not versions). Written out rather than as a regular expression: the version is read
     * on every run, and the JVM's first regular expression costs a status about 2 ms ({@code CliVersionTest}
     * holds this to the expression).
     */
    public static boolean isVersionName(String name) {
        int end = 0;
        for (int numbers = 1; numbers <= MAX_NUMBERS; numbers++) {
            int digitsEnd = digitsEnd(name, end);
            if (digitsEnd == end) {
                return false;
            }
            end = digitsEnd;
            // Each count of numbers from two on may be where the suffix starts ("1.2.3a" is 1.2 and ".3a").
            if (numbers >= 2 && (end == name.length() || isSuffix(name, end))) {
                return true;
            }
            if (end == name.length() || name.charAt(end) != '.') {
                return false;
            }
            end++;
        }
        return false;
    }

    private static int digitsEnd(String name, int from) {
        int end = from;
        while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    /** A separator at {@code from}, then the suffix to the end of the name. */
    private static boolean isSuffix(String name, int from) {
        char separator = name.charAt(from);
        int length = name.length() - from - 1;
        if ((separator != '-' && separator != '+' && separator != '.') || length < 1 || length > MAX_SUFFIX
                || !isLetterOrDigit(name.charAt(from + 1)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            return false;
        }
        for (int i = from + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '+' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public String toString() {
        return value;
    }
}
