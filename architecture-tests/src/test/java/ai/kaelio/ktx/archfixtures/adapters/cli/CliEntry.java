package ai.kaelio.ktx.archfixtures.adapters.cli;

import picocli.CommandLine;

public final class CliEntry {

    private CliEntry() {
    }

    public static int run(CommandLine.IFactory factory, String... args) {
        return new CommandLine(FetchCommand.class, factory).execute(args);
    }
}
