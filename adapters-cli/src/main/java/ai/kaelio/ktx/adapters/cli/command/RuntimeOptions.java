package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.ProvisionerChoice;

/** The runtime's options that several commands share; their values come from the domain, not a second list. */
public final class RuntimeOptions {

    private RuntimeOptions() {
    }

    /** {@code --feature core|local-embeddings}, repeatable. */
    public static ChoiceOption<Feature> features() {
        return ChoiceOption.repeatable("--feature", "FEATURE", Feature.class, Feature::parse, Feature::id,
                "Feature to install: ${COMPLETION-CANDIDATES} (repeatable; default core).");
    }

    /** {@code --provisioner auto|uv|venv}; when absent, KTX_PROVISIONER decides. */
    static ChoiceOption<ProvisionerChoice> provisioner() {
        return ChoiceOption.single("--provisioner", "PROVISIONER", ProvisionerChoice.class, ProvisionerChoice::parse,
                ProvisionerChoice::id, "How to build the environment: ${COMPLETION-CANDIDATES} (default: KTX_PROVISIONER, else auto).");
    }
}
