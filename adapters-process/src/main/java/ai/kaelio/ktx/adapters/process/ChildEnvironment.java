package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.HostEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The environment ktx gives the Python processes it starts: the host's, minus what would leak another Python in. */
final class ChildEnvironment {

    /** Variables that would make a child Python use something other than its own environment. */
    private static final List<String> ISOLATING_REMOVALS = List.of("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV", "__PYVENV_LAUNCHER__");

    private ChildEnvironment() {
    }

    /**
     * The host's variables exactly (not the JVM's, which tests may not control), minus the isolating ones;
     * a null value means "remove", as zt-exec reads it.
     */
    static Map<String, String> of(HostEnvironment host) {
        Map<String, String> environment = new HashMap<>();
        System.getenv().keySet().forEach(name -> environment.put(name, null));
        environment.putAll(host.variables());
        ISOLATING_REMOVALS.forEach(name -> environment.put(name, null));
        return environment;
    }

    /** Applies {@link #of} to a ProcessBuilder's environment, which cannot hold nulls. */
    static void applyTo(Map<String, String> builderEnvironment, HostEnvironment host) {
        of(host).forEach((name, value) -> {
            if (value == null) {
                builderEnvironment.remove(name);
            } else {
                builderEnvironment.put(name, value);
            }
        });
    }
}
