package ai.kaelio.ktx.adapters.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which command sits under which, declared once, and how much of that tree one run builds.
 *
 * <p>Each command built is an object from the factory (Guice, for those with use cases) and a picocli
 * model. A run whose first two words name a runtime subcommand exactly can only ever reach that
 * subcommand, so it gets the branch ktx → runtime → that subcommand, and picocli parses it as it would in
 * the whole tree. Every other run (help, completion, the shell, a misspelt name that picocli should
 * suggest a fix for) gets the whole tree.
 */
final class CommandHierarchy {

    /** A command's place in the tree, named before the command is built. */
    private record Node(String name, Class<? extends DeclaredCommand> type) {
    }

    private static final List<Node> TOP_LEVEL = List.of(
            new Node(RuntimeCommand.NAME, RuntimeCommand.class),
            new Node(EmbedCommand.NAME, EmbedCommand.class),
            new Node(ShellCommand.NAME, ShellCommand.class),
            new Node(CompletionCommand.NAME, CompletionCommand.class),
            new Node(HelpCommand.NAME, HelpCommand.class));
    private static final List<Node> RUNTIME = List.of(
            new Node(InstallCommand.NAME, InstallCommand.class),
            new Node(StatusCommand.NAME, StatusCommand.class),
            new Node(DoctorCommand.NAME, DoctorCommand.class),
            new Node(PruneCommand.NAME, PruneCommand.class),
            new Node(ExecCommand.NAME, ExecCommand.class),
            new Node(EnvCommand.NAME, EnvCommand.class),
            new Node(WhichCommand.NAME, WhichCommand.class),
            new Node(StartCommand.NAME, StartCommand.class),
            new Node(StopCommand.NAME, StopCommand.class));

    private final CommandLine.IFactory factory;
    private final CommandLine.IVersionProvider version;

    private CommandHierarchy(CommandLine.IFactory factory) {
        this.factory = factory;
        this.version = create(CliVersionProvider.class);
    }

    static CommandLine whole(CommandLine.IFactory factory) {
        CommandHierarchy hierarchy = new CommandHierarchy(factory);
        CommandLine ktx = hierarchy.model(KtxCommand.class);
        TOP_LEVEL.forEach(node -> ktx.addSubcommand(node.name(), hierarchy.model(node.type())));
        CommandLine runtime = ktx.getSubcommands().get(RuntimeCommand.NAME);
        RUNTIME.forEach(node -> runtime.addSubcommand(node.name(), hierarchy.model(node.type())));
        return ktx;
    }

    /** The branch that {@code args} can reach, or the whole tree. */
    static CommandLine reachableBy(CommandLine.IFactory factory, String... args) {
        Optional<Node> only = onlyRuntimeCommand(args);
        if (only.isEmpty()) {
            return whole(factory);
        }
        CommandHierarchy hierarchy = new CommandHierarchy(factory);
        CommandLine runtime = hierarchy.model(RuntimeCommand.class);
        runtime.addSubcommand(only.get().name(), hierarchy.model(only.get().type()));
        CommandLine ktx = hierarchy.model(KtxCommand.class);
        ktx.addSubcommand(RuntimeCommand.NAME, runtime);
        return ktx;
    }

    private CommandLine model(Class<? extends DeclaredCommand> type) {
        CommandSpec model = create(type).model();
        model.versionProvider(version);
        return new CommandLine(model, factory);
    }

    private <T> T create(Class<T> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("Cannot create " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static Optional<Node> onlyRuntimeCommand(String... args) {
        return args.length >= 2 && args[0].equals(RuntimeCommand.NAME)
                ? RUNTIME.stream().filter(node -> node.name().equals(args[1])).findFirst()
                : Optional.empty();
    }
}
