package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code ktx completion bash|zsh}: a completion script generated from the command tree, so it knows every
 * command, option and option value there is. picocli writes one script for both: zsh runs it through
 * bashcompinit.
 */
final class CompletionCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "completion";
    static final List<String> SHELLS = List.of("bash", "zsh");

    private final PositionalParamSpec shell = PositionalParamSpec.builder().type(String.class).paramLabel("SHELL")
            .required(true).completionCandidates(SHELLS).description("bash or zsh").build();
    private final CommandSpec model = CommandModels.command(this, NAME, "Print a completion script for bash or zsh.", shell);

    CompletionCommand() {
        model.usageMessage().footer("", "bash:  source <(ktx completion bash)     (or add that line to ~/.bashrc)",
                "zsh:   source <(ktx completion zsh)      (or add that line to ~/.zshrc)");
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() {
        String name = shell.getValue();
        if (!SHELLS.contains(name)) {
            throw new picocli.CommandLine.ParameterException(model.commandLine(),
                    "Unknown shell '" + name + "': choose one of " + String.join(", ", SHELLS));
        }
        model.commandLine().getOut().print(AutoComplete.bash("ktx", model.root().commandLine()));
        model.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
