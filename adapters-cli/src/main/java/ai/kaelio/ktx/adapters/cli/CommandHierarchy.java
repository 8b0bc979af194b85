package ai.kaelio.ktx.adapters.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Which command sits under which, declared once, and how much of that tree one run builds.
 *
 * <p>picocli models each command by reflection when the tree is built, a few milliseconds per command,
 * which is a large share of a command as quick as {@code ktx runtime status}. A run whose first two words
 * name a runtime subcommand exactly can only ever reach that subcommand, so it gets the branch
 * ktx → runtime → that subcommand, and picocli parses it as it would in the whole tree. Every other run
 * (help, completion, the shell, a misspelt name that picocli should suggest a fix for) gets the whole tree.
 */
final class CommandHierarchy {

    private static final List<Class<?>> TOP_LEVEL =
            List.of(RuntimeCommand.class, ShellCommand.class, CompletionCommand.class, HelpCommand.class);
    private static final List<Class<?>> RUNTIME = List.of(InstallCommand.class, StatusCommand.class,
            DoctorCommand.class, PruneCommand.class, ExecCommand.class, StartCommand.class, StopCommand.class);

    private CommandHierarchy() {
    }

    static CommandLine whole(CommandLine.IFactory factory) {
        CommandLine ktx = new CommandLine(KtxCommand.class, factory);
        TOP_LEVEL.forEach(command -> ktx.addSubcommand(model(command, factory)));
        CommandLine runtime = ktx.getSubcommands().get(nameOf(RuntimeCommand.class));
        RUNTIME.forEach(command -> runtime.addSubcommand(model(command, factory)));
        return ktx;
    }

    /** The command classes of the tree {@link #reachableBy} builds for {@code args}. */
    static List<Class<?>> classesReachableBy(String... args) {
        Optional<Class<?>> only = onlyRuntimeCommand(args);
        if (only.isPresent()) {
            return List.of(KtxCommand.class, RuntimeCommand.class, only.get());
        }
        return Stream.of(List.<Class<?>>of(KtxCommand.class), TOP_LEVEL, RUNTIME).flatMap(List::stream).toList();
    }

    /** The branch that {@code args} can reach, or the whole tree. */
    static CommandLine reachableBy(CommandLine.IFactory factory, String... args) {
        Optional<Class<?>> only = onlyRuntimeCommand(args);
        if (only.isEmpty()) {
            return whole(factory);
        }
        CommandLine runtime = model(RuntimeCommand.class, factory);
        runtime.addSubcommand(model(only.get(), factory));
        CommandLine ktx = new CommandLine(KtxCommand.class, factory);
        ktx.addSubcommand(runtime);
        return ktx;
    }

    /**
     * One command's model. The public constructor, unlike {@code addSubcommand(Class)}, applies the
     * command's model transformer (exec's options end at the command it runs).
     */
    private static CommandLine model(Class<?> command, CommandLine.IFactory factory) {
        return new CommandLine(command, factory);
    }

    private static Optional<Class<?>> onlyRuntimeCommand(String... args) {
        return args.length >= 2 && args[0].equals(nameOf(RuntimeCommand.class))
                ? RUNTIME.stream().filter(command -> nameOf(command).equals(args[1])).findFirst()
                : Optional.empty();
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
