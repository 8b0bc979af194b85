package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandNode;
import java.util.List;

/**
 * Which command sits under which, declared once: adding a command means adding it here. The wiring binds
 * every command of this tree that takes use cases, and help, completion and the shell see it whole.
 */
public final class Commands {

    public static final CommandNode TREE = new CommandNode(KtxCommand.NAME, KtxCommand.class, List.of(
            new CommandNode(RuntimeCommand.NAME, RuntimeCommand.class, List.of(
                    CommandNode.leaf(InstallCommand.NAME, InstallCommand.class),
                    CommandNode.leaf(StatusCommand.NAME, StatusCommand.class),
                    CommandNode.leaf(DoctorCommand.NAME, DoctorCommand.class),
                    CommandNode.leaf(PruneCommand.NAME, PruneCommand.class),
                    CommandNode.leaf(ExecCommand.NAME, ExecCommand.class),
                    CommandNode.leaf(EnvCommand.NAME, EnvCommand.class),
                    CommandNode.leaf(WhichCommand.NAME, WhichCommand.class),
                    CommandNode.leaf(StartCommand.NAME, StartCommand.class),
                    CommandNode.leaf(StopCommand.NAME, StopCommand.class))),
            CommandNode.leaf(EmbedCommand.NAME, EmbedCommand.class),
            CommandNode.leaf(ShellCommand.NAME, ShellCommand.class),
            CommandNode.leaf(CompletionCommand.NAME, CompletionCommand.class),
            CommandNode.leaf(HelpCommand.NAME, HelpCommand.class)));

    private Commands() {
    }
}
