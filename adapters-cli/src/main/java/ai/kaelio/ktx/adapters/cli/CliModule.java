package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.adapters.cli.command.Commands;
import ai.kaelio.ktx.adapters.cli.command.InstallConsentOption;
import ai.kaelio.ktx.adapters.cli.commandline.CliVersionProvider;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.commandline.GuiceCommandFactory;
import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.domain.HostEnvironment;
import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Binds the commands, so they receive their use cases by injection. */
public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        // The commands that take use cases; picocli's default factory builds the others (see GuiceCommandFactory).
        for (Class<? extends DeclaredCommand> command : Commands.TREE.types()) {
            if (takesInjection(command)) {
                bind(command);
            }
        }
        bind(CliVersionProvider.class);
        bind(InstallConsentOption.class);
    }

    private static boolean takesInjection(Class<?> type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                return true;
            }
        }
        return false;
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
