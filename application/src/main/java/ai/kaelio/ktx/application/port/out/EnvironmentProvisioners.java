package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.ProvisionerChoice;

/** Finds the tool that will build an environment for a given choice (uv, venv, or auto). */
public interface EnvironmentProvisioners {

    Selection select(ProvisionerChoice choice);

    sealed interface Selection {
    }

    record Selected(EnvironmentProvisioner provisioner) implements Selection {
    }

    /** The chosen tool is not usable here; {@code reason} says what to do. */
    record Unavailable(String reason) implements Selection {
    }
}
