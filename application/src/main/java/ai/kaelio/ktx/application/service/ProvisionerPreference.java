package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.ProvisionerChoice;

/** The provisioner the user prefers when a command does not say: {@code KTX_PROVISIONER}, else auto. */
public final class ProvisionerPreference {

    private final HostEnvironment host;

    public ProvisionerPreference(HostEnvironment host) {
        this.host = host;
    }

    /** @throws IllegalArgumentException when the variable names no provisioner */
    public ProvisionerChoice choice() {
        return host.variable(ProvisionerChoice.VARIABLE).map(ProvisionerChoice::parse).orElse(ProvisionerChoice.AUTO);
    }
}
