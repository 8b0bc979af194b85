package ai.kaelio.ktx.adapters.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ktx completion bash|zsh}: a completion script generated from the command tree, so it knows every
 * command, option and option value there is. picocli writes one script for both: zsh runs it through
 * bashcompinit.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Print a completion script for bash or zsh.",
        footer = {"", "bash:  source <(ktx completion bash)     (or add that line to ~/.bashrc)",
                "zsh:   source <(ktx completion zsh)      (or add that line to ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class,
            description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        if (!Shells.NAMES.contains(shell)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Unknown shell '" + shell + "': choose one of " + String.join(", ", Shells.NAMES));
        }
        spec.commandLine().getOut().print(AutoComplete.bash("ktx", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static final class Shells implements Iterable<String> {
        static final List<String> NAMES = List.of("bash", "zsh");

        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
