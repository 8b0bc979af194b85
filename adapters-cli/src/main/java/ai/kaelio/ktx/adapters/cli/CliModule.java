package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.HostEnvironment;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import picocli.CommandLine;

/** Binds the commands, so they receive their use cases by injection. */
public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(InstallCommand.class);
        bind(StatusCommand.class);
        bind(DoctorCommand.class);
        bind(PruneCommand.class);
        bind(ExecCommand.class);
        bind(EnvCommand.class);
        bind(WhichCommand.class);
        bind(StartCommand.class);
        bind(StopCommand.class);
        bind(EmbedCommand.class);
        bind(ShellCommand.class);
        bind(CliVersionProvider.class);
        bind(InstallConsentOption.class);
    }

    @Provides
    HostTerminal terminal(HostEnvironment host) {
        return HostTerminal.of(host);
    }

    @Provides
    CommandLine.IFactory commandFactory(Injector injector) {
        return new GuiceCommandFactory(injector);
    }
}
