package ai.kaelio.ktx.adapters.cli.commandline;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import picocli.CommandLine;

/**
 * Builds commands through Guice, so they receive their use cases; the commands that need none (ktx,
 * runtime, completion, help) are not bound, and picocli's default factory builds them.
 */
public final class GuiceCommandFactory implements CommandLine.IFactory {

    private final Injector injector;

    public GuiceCommandFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Binding<K> binding = injector.getExistingBinding(Key.get(type));
        return binding != null ? binding.getProvider().get() : CommandLine.defaultFactory().create(type);
    }
}
