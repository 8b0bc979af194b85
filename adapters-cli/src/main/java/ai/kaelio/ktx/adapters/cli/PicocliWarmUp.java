package ai.kaelio.ktx.adapters.cli;

import java.lang.reflect.AccessibleObject;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Start-up work for the second core. While the main thread builds the injector, this thread loads and
 * initialises picocli, and reads the annotations of the commands this run will model: the JDK creates a
 * class for every annotation type the first time it is read, and picocli's classes start interpreted.
 * It only reads, so the main thread finds the work done or does it itself; either way the result is the same.
 */
final class PicocliWarmUp {

    private PicocliWarmUp() {
    }

    static void start(String... args) {
        Thread thread = new Thread(() -> run(args), "ktx-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run(String... args) {
        try {
            warm(args);
        } catch (RuntimeException | LinkageError e) {
            // Warming up is optional: the main thread does whatever is left.
        }
    }

    static void warm(String... args) {
        new CommandLine(new Sample()).parseArgs("--flag", "value");
        CommandHierarchy.classesReachableBy(args).forEach(PicocliWarmUp::readAnnotations);
    }

    private static void readAnnotations(Class<?> command) {
        command.getAnnotations();
        Stream.of(command.getDeclaredFields(), command.getDeclaredMethods())
                .flatMap(Stream::of)
                .forEach(AccessibleObject::getAnnotations);
    }

    @Command(name = "sample", mixinStandardHelpOptions = true)
    private static final class Sample {
        @Spec
        CommandSpec spec;

        @Option(names = "--flag")
        boolean flag;

        @Parameters
        List<String> words;

        @Mixin
        SampleMixin mixin;
    }

    private static final class SampleMixin {
        @Option(names = "--other")
        String other;
    }
}
