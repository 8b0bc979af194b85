package ai.kaelio.ktx.adapters.cli.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A command's place in the tree, named before the command is built, with the commands under it. */
public record CommandNode(String name, Class<? extends DeclaredCommand> type, List<CommandNode> children) {

    public CommandNode {
        children = List.copyOf(children);
    }

    /** A command with nothing under it. */
    public static CommandNode leaf(String name, Class<? extends DeclaredCommand> type) {
        return new CommandNode(name, type, List.of());
    }

    /** The child named exactly {@code name}. */
    Optional<CommandNode> child(String name) {
        return children.stream().filter(child -> child.name().equals(name)).findFirst();
    }

    /** This command's type and those of every command under it. */
    public List<Class<? extends DeclaredCommand>> types() {
        List<Class<? extends DeclaredCommand>> types = new ArrayList<>();
        types.add(type);
        children.forEach(child -> types.addAll(child.types()));
        return types;
    }
}
