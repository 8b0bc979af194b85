package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every choice selects one provisioner unless a test makes a choice unavailable; records what was asked. */
public final class FakeEnvironmentProvisioners implements EnvironmentProvisioners {

    private final EnvironmentProvisioner provisioner;
    private final Map<ProvisionerChoice, String> unavailable = new EnumMap<>(ProvisionerChoice.class);
    private final List<ProvisionerChoice> asked = new ArrayList<>();

    public FakeEnvironmentProvisioners(EnvironmentProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    public synchronized FakeEnvironmentProvisioners unavailable(ProvisionerChoice choice, String reason) {
        unavailable.put(choice, reason);
        return this;
    }

    public synchronized List<ProvisionerChoice> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized Selection select(ProvisionerChoice choice) {
        asked.add(choice);
        String reason = unavailable.get(choice);
        return reason == null ? new Selected(provisioner) : new Unavailable(reason);
    }
}
