package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to install. {@code provisioner} is empty when the user did not choose, in which
 * case {@code KTX_PROVISIONER} (default {@code auto}) decides.
 */
public record InstallRequest(
        FeatureSet features, boolean force, Optional<ProvisionerChoice> provisioner, InstallObserver observer) {

    public InstallRequest {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(observer, "observer");
    }

    public static InstallRequest of(FeatureSet features) {
        return new InstallRequest(features, false, Optional.empty(), InstallObserver.SILENT);
    }

    public InstallRequest forced() {
        return new InstallRequest(features, true, provisioner, observer);
    }

    public InstallRequest using(ProvisionerChoice choice) {
        return new InstallRequest(features, force, Optional.of(choice), observer);
    }

    public InstallRequest observedBy(InstallObserver newObserver) {
        return new InstallRequest(features, force, provisioner, newObserver);
    }
}
