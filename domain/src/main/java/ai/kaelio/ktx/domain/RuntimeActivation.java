package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What activating an environment means, in the one place that says it: its scripts directory first on
 * {@code PATH}, {@code VIRTUAL_ENV} naming it, {@code PYTHONHOME} unset (it would point Python at another
 * installation's standard library). {@code ktx runtime exec} runs commands with it; {@code ktx runtime env}
 * hands it to the user's shell; {@code ktx runtime which} searches its {@code PATH}.
 *
 * @param variables the variables to set, in the order a shell should set them
 * @param unset     the variables to remove
 */
public record RuntimeActivation(Platform platform, Map<String, String> variables, List<String> unset) {

    public static final String PATH = "PATH";
    public static final String VIRTUAL_ENV = "VIRTUAL_ENV";
    public static final String PYTHONHOME = "PYTHONHOME";

    public RuntimeActivation {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        unset = List.copyOf(unset);
    }

    /**
     * Activates {@code environment} on top of {@code host}'s variables. The scripts directory is put first
     * once: entries already naming it are dropped from the rest, so activating twice (a second
     * {@code eval "$(ktx runtime env)"}) gives the same {@code PATH} as once.
     */
    public static RuntimeActivation of(HostEnvironment host, EnvironmentLayout environment) {
        Platform platform = host.platform();
        String scripts = environment.pythonPath().getParent().toString();
        List<String> path = new ArrayList<>();
        path.add(scripts);
        host.variable(PATH).ifPresent(inherited -> {
            for (String entry : inherited.split(java.util.regex.Pattern.quote(platform.pathSeparator()), -1)) {
                if (!entry.equals(scripts)) {
                    path.add(entry);
                }
            }
        });
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(PATH, String.join(platform.pathSeparator(), path));
        variables.put(VIRTUAL_ENV, environment.venvDir().toString());
        return new RuntimeActivation(platform, variables, List.of(PYTHONHOME));
    }

    /** The value of {@code PATH} once activated. */
    public String path() {
        return variables.get(PATH);
    }

    /**
     * The directories searched for a program, in order: {@link #path()}'s entries, without empty ones
     * (a shell would read an empty entry as the working directory, which ktx never searches).
     */
    public List<String> searchPath() {
        List<String> directories = new ArrayList<>();
        for (String entry : path().split(java.util.regex.Pattern.quote(platform.pathSeparator()))) {
            if (!entry.isEmpty()) {
                directories.add(entry);
            }
        }
        return directories;
    }

    /** {@code host}'s whole environment with this activation applied: what a command run in the runtime sees. */
    public Map<String, String> applyTo(HostEnvironment host) {
        Map<String, String> result = new HashMap<>(host.variables());
        variables.forEach((name, value) -> result.put(spelling(result, name), value));
        unset.forEach(name -> result.remove(spelling(result, name)));
        return result;
    }

    /** Windows names variables case-insensitively ("Path"): reuse the spelling already there. */
    private String spelling(Map<String, String> variables, String name) {
        if (platform != Platform.WINDOWS) {
            return name;
        }
        return variables.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst().orElse(name);
    }
}
