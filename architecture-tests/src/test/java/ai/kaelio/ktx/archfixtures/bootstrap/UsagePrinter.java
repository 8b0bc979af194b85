package ai.kaelio.ktx.archfixtures.bootstrap;

import picocli.CommandLine;

/** Broken on purpose (picocliOnlyInAdaptersCli): bootstrap using more of picocli than the factory type. */
final class UsagePrinter {

    private UsagePrinter() {
    }

    static String usage(Object command) {
        return new CommandLine(command).getUsageMessage();
    }
}
