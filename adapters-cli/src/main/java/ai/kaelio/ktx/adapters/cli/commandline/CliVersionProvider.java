package ai.kaelio.ktx.adapters.cli.commandline;

import ai.kaelio.ktx.domain.CliVersion;
import jakarta.inject.Inject;
import picocli.CommandLine.IVersionProvider;

public final class CliVersionProvider implements IVersionProvider {

    private final CliVersion version;

    @Inject
    public CliVersionProvider(CliVersion version) {
        this.version = version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ktx " + version};
    }
}
