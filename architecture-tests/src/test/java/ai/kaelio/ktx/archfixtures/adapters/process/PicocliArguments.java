package ai.kaelio.ktx.archfixtures.adapters.process;

import picocli.CommandLine;

/** Broken on purpose (picocliOnlyInAdaptersCli): command-line parsing outside the CLI adapter. */
final class PicocliArguments {

    @CommandLine.Option(names = "--verbose")
    boolean verbose;
}
