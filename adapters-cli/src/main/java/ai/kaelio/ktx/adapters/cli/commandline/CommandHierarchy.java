package ai.kaelio.ktx.adapters.cli.commandline;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How much of the declared command tree one run builds.
 *
 * <p>Each command built is an object from the factory (Guice, for those with use cases) and a picocli
 * model. A run whose first two words name a group and one of its commands exactly ({@code runtime status})
 * can only ever reach that command, so it gets the branch ktx → group → command, and picocli parses it as
 * it would in the whole tree. Every other run (help, completion, the shell, a misspelt name that picocli
 * should suggest a fix for) gets the whole tree.
 */
final class CommandHierarchy {

    private final CommandLine.IFactory factory;
    private final CommandLine.IVersionProvider version;

    private CommandHierarchy(CommandLine.IFactory factory) {
        this.factory = factory;
        this.version = create(CliVersionProvider.class);
    }

    static CommandLine whole(CommandNode tree, CommandLine.IFactory factory) {
        return new CommandHierarchy(factory).build(tree);
    }

    /** The branch that {@code args} can reach, or the whole tree. */
    static CommandLine reachableBy(CommandNode tree, CommandLine.IFactory factory, String... args) {
        Optional<CommandNode> group = args.length >= 2 ? tree.child(args[0]) : Optional.empty();
        Optional<CommandNode> only = group.flatMap(node -> node.child(args[1]));
        if (only.isEmpty()) {
            return whole(tree, factory);
        }
        CommandHierarchy hierarchy = new CommandHierarchy(factory);
        CommandLine branch = hierarchy.model(group.get().type());
        branch.addSubcommand(only.get().name(), hierarchy.build(only.get()));
        CommandLine root = hierarchy.model(tree.type());
        root.addSubcommand(group.get().name(), branch);
        return root;
    }

    /** The node's command with every command under it, each added once its own subcommands are. */
    private CommandLine build(CommandNode node) {
        CommandLine commandLine = model(node.type());
        node.children().forEach(child -> commandLine.addSubcommand(child.name(), build(child)));
        return commandLine;
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
}
