package ai.kaelio.ktx.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the user wants environments built: uv when found (auto), uv only, or the standard venv and pip. */
public enum ProvisionerChoice {
    AUTO,
    UV,
    VENV;

    public static final String VARIABLE = "KTX_PROVISIONER";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProvisionerChoice parse(String id) {
        return Arrays.stream(values())
                .filter(choice -> choice.id().equals(id.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown provisioner '" + id + "': expected one of " + allIds()));
    }

    public static String allIds() {
        return Arrays.stream(values()).map(ProvisionerChoice::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id();
    }
}
