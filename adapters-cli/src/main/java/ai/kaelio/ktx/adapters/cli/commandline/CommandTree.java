package ai.kaelio.ktx.adapters.cli.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/** A help section listing every command at every depth, so {@code ktx --help} shows the whole surface. */
final class CommandTree implements IHelpSectionRenderer {

    static final String SECTION_KEY = "commandTree";

    /** Replaces the flat command list with the tree, in this command's help and every subcommand's. */
    static void install(CommandLine commandLine) {
        List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
        int index = keys.indexOf(UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
        if (index >= 0) {
            keys.set(index, SECTION_KEY);
        }
        commandLine.setHelpSectionKeys(keys);
        commandLine.getHelpSectionMap().put(SECTION_KEY, new CommandTree());
        commandLine.getSubcommands().values().forEach(CommandTree::install);
    }

    @Override
    public String render(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        if (subcommands.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        appendLevel(text, help, 0);
        return text.toString();
    }

    private static void appendLevel(StringBuilder text, Help help, int depth) {
        for (Map.Entry<String, Help> entry : help.subcommands().entrySet()) {
            Help sub = entry.getValue();
            String name = "  ".repeat(depth + 1) + entry.getKey();
            text.append(String.format("%-22s %s%n", name, summary(sub.commandSpec().usageMessage())));
            appendLevel(text, sub, depth + 1);
        }
    }

    /** The header when there is one (picocli's own help command has one), else the description's first line. */
    private static String summary(UsageMessageSpec usage) {
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        return lines.length == 0 ? "" : lines[0].replace("%n", "").strip();
    }

}
