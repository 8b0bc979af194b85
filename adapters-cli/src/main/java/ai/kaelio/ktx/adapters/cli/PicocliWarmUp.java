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
 * Start-up work for a spare core: loads and initialises picocli, and reads the annotations of the commands
 * a run will model, while the main thread builds the injector. The JDK creates a class for every annotation
 * type the first time it is read, and picocli's classes start interpreted. It only reads, so the main
 * thread finds the work done or does it itself; either way the result is the same.
 */
final class PicocliWarmUp {

    private PicocliWarmUp() {
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
