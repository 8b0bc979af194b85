package ai.kaelio.ktx.adapters.cli.commandline;

import picocli.CommandLine.Model.CommandSpec;

/** A command of ktx's tree, with the picocli model it declares in code (see {@link CommandModels}). */
public interface DeclaredCommand {

    /** This command's model, built with the command and bound to it: picocli parses into it and runs it. */
    CommandSpec model();
}
