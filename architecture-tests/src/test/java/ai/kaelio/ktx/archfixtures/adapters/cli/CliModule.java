package ai.kaelio.ktx.archfixtures.adapters.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import picocli.CommandLine;

public final class CliModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(FetchCommand.class);
    }

    @Provides
    CommandLine.IFactory factory() {
        return CommandLine.defaultFactory();
    }
}
