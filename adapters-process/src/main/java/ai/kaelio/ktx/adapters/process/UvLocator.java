package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.HostEnvironment;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;

/** Where uv is: {@code KTX_UV}, else {@code uv} on PATH. Looking costs no process. */
final class UvLocator {

    static final String VARIABLE = "KTX_UV";

    private final HostEnvironment host;
    private final ExecutableFinder finder;

    @Inject
    UvLocator(HostEnvironment host, ExecutableFinder finder) {
        this.host = host;
        this.finder = finder;
    }

    Optional<Path> locate() {
        return finder.find(host.variable(VARIABLE).orElse("uv"));
    }

    String whyMissing() {
        return host.variable(VARIABLE)
                .map(value -> VARIABLE + "=" + value + " is not an executable")
                .orElse("uv not found on PATH");
    }
}
