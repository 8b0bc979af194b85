package ai.kaelio.ktx.domain;

import java.nio.file.Path;

/** Where runtimes live on each platform (contract section 2); first match wins. */
public final class RuntimeRoots {

    public static final String RUNTIME_ROOT_VARIABLE = "KTX_RUNTIME_ROOT";

    private RuntimeRoots() {
    }

    public static Path runtimeRoot(HostEnvironment host) {
        var explicit = host.variable(RUNTIME_ROOT_VARIABLE);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        return dataDirectory(host).resolve("runtime");
    }

    /**
     * The per-user data directory of ktx, the parent of the default runtime root. Other per-user state
     * (such as shell history) belongs here too.
     */
    public static Path dataDirectory(HostEnvironment host) {
        Path home = host.home();
        return switch (host.platform()) {
            case MACOS -> home.resolve("Library").resolve("Application Support").resolve("kaelio").resolve("ktx");
            case WINDOWS -> host.variable("LOCALAPPDATA").map(Path::of)
                    .orElse(home.resolve("AppData").resolve("Local"))
                    .resolve("Kaelio").resolve("KTX");
            case LINUX -> host.variable("XDG_DATA_HOME").map(Path::of)
                    .orElse(home.resolve(".local").resolve("share"))
                    .resolve("kaelio").resolve("ktx");
        };
    }
}
