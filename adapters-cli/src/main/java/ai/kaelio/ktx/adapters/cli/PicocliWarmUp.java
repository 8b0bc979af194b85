package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.adapters.cli.command.RuntimeOptions;
import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.domain.Feature;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * Start-up work for a spare core: builds and parses a small model like ktx's (standard help options, an
 * inherited option, a flag, a converted repeatable option, positional words, a subcommand) while the
 * main thread builds the injector, so picocli's classes are loaded and initialised and its code has run
 * once when the main thread builds the real tree. It only reads and builds throwaway objects: whatever it
 * has not done when the main thread gets there, the main thread does itself.
 */
final class PicocliWarmUp {

    private PicocliWarmUp() {
    }

    static void warm() {
        Object sample = new Object();
        CommandSpec root = CommandModels.command(sample, "sample", "A sample.")
                .addOption(OptionSpec.builder("--inherited").type(boolean.class).scopeType(ScopeType.INHERIT).build());
        root.versionProvider(() -> new String[] {"sample"});
        CommandSpec sub = CommandModels.command(sample, "sub", "A subcommand.")
                .addOption(CommandModels.flag("--json", "JSON."))
                .addOption(RuntimeOptions.features().model())
                .addPositional(CommandModels.words("0..*", "WORDS", "Words."));
        CommandLine commandLine = new CommandLine(root, CommandLine.defaultFactory());
        commandLine.addSubcommand("sub", new CommandLine(sub, CommandLine.defaultFactory()));
        commandLine.parseArgs("--inherited", "sub", "--json", "--feature", Feature.CORE.id(), "word");
    }
}
