package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host tells ktx about itself: platform, environment variables and home directory.
 * Passed in rather than read from {@code System}, so every platform's rules are testable anywhere.
 */
public record HostEnvironment(Platform platform, Map<String, String> variables, Path home) {

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
}
