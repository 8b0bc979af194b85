import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Stage;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The least a command built like ktx can cost: one Guice binding and one provider method, one picocli
 * command with one option. bench/floor times it against the JVM hello-world, so that ktx's own ratio
 * can be read against what its frameworks cost before ktx does anything.
 * -Dfloor=guice stops after the injector, -Dfloor=picocli skips it.
 */
public final class Floor {

    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Option(names = "--json")
        boolean json;

        private final String state;

        @jakarta.inject.Inject
        Status(String state) {
            this.state = state;
        }

        @Override
        public Integer call() {
            System.out.println(json ? "{\"kind\": \"" + state + "\"}" : state);
            return 0;
        }
    }

    static final class Wiring extends AbstractModule {
        @Override
        protected void configure() {
            bind(Status.class);
        }

        @Provides
        String state() {
            return "ready";
        }
    }

    public static void main(String[] args) {
        String part = System.getProperty("floor", "both");
        if (part.equals("picocli")) {
            System.exit(new CommandLine(new Status("ready")).execute(args));
        }
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, new Wiring());
        Status status = injector.getInstance(Status.class);
        System.exit(part.equals("guice") ? 0 : new CommandLine(status).execute(args));
    }
}
