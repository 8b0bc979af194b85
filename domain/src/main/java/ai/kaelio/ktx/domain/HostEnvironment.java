package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host tells ktx about itself: platform, environment variables and the account's home directory.
 * Passed in rather than read from {@code System}, so every platform's rules are testable anywhere.
 *
 * @param accountHome the home the operating system records for the account (the JVM's {@code user.home}),
 *                    used only when the environment names no usable home (see {@link #home()})
 */
public record HostEnvironment(Platform platform, Map<String, String> variables, Path accountHome) {

    public HostEnvironment {
        variables = Map.copyOf(variables);
    }

    /** A variable's value, treating an empty value as unset (as shells commonly do). */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        if (value == null && platform == Platform.WINDOWS) {
            // Windows variable names are case-insensitive ("Path" is PATH).
            value = variables.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The user's home, from which every default path is made: {@code $HOME} ({@code %USERPROFILE%} on
     * Windows) when it is set and absolute, else the account's home.
     *
     * <p>Why the variable first: the JVM's {@code user.home} comes from the password database and ignores
     * {@code HOME}, while every tool a user compares ktx with (Python's {@code expanduser}, uv, pipx, the
     * Hugging Face cache) follows it; CI sandboxes, {@code sudo -H}, containers and test harnesses move it.
     * A relative or empty value is ignored, as Python ignores it.
     *
     * @throws java.nio.file.InvalidPathException when the value is no path here (letters the locale cannot spell)
     */
    public Path home() {
        String name = platform == Platform.WINDOWS ? "USERPROFILE" : "HOME";
        return variable(name).filter(platform::isAbsolute).map(Path::of).orElse(accountHome);
    }
}
