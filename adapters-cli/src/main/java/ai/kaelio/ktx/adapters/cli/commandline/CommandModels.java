package ai.kaelio.ktx.adapters.cli.commandline;

import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * The parts ktx's commands build their picocli models from. The models are declared in code, through
 * picocli's programmatic API, instead of in annotations.
 *
 * <p>Why: the JDK generates a proxy class for each annotation type the first time one is read, and
 * picocli (which models a command by reading its annotations) and Guice (which scans the fields of every
 * command it binds) read them on every run. That cost about a tenth of {@code ktx runtime status}
 * (bench/interleave, 2026-11-24). A model declared in code gives picocli the same options, help text and
 * parsing, read from the same objects; values parsed land in the {@link OptionSpec}s, where commands read them.
 */
public final class CommandModels {

    private CommandModels() {
    }

    /**
     * The model of {@code command}: named {@code name}, with {@code args} in their order, then picocli's
     * standard {@code -h, --help} and {@code -V, --version}, as picocli orders a mixed-in standard help
     * (completion scripts list options in this order). {@link CommandHierarchy} gives it the version provider.
     */
    public static CommandSpec command(Object command, String name, String description, ArgSpec... args) {
        return withHelpOption(command, name, description, args).addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true).description("Print version information and exit.").build());
    }

    /** A model with {@code -h, --help} only, after {@code args} (picocli's help commands have no version). */
    public static CommandSpec withHelpOption(Object command, String name, String description, ArgSpec... args) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        for (ArgSpec arg : args) {
            if (arg instanceof OptionSpec option) {
                spec.addOption(option);
            } else {
                spec.addPositional((PositionalParamSpec) arg);
            }
        }
        return spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
    }

    /** An option that takes no value: present or not. */
    public static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description).build();
    }

    public static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** An option with one value, converted by {@code converter} and completed from {@code candidates}. */
    public static <T> OptionSpec valueOption(String name, String label, Class<T> type, ITypeConverter<T> converter,
            Iterable<String> candidates, String description) {
        return OptionSpec.builder(name).type(type).paramLabel(label).converters(converter)
                .completionCandidates(candidates).description(description).build();
    }

    /** A repeatable option: each occurrence adds one value. */
    public static <T> OptionSpec repeatableOption(String name, String label, Class<T> type, ITypeConverter<T> converter,
            Iterable<String> candidates, String description) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(type).paramLabel(label).converters(converter)
                .completionCandidates(candidates).description(description).build();
    }

    /** Positional words, collected as strings; required when {@code arity} asks for at least one. */
    public static PositionalParamSpec words(String arity, String label, String description) {
        return PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class).arity(arity)
                .required(Range.valueOf(arity).min() > 0).paramLabel(label).description(description).build();
    }

    /** The values an option or positional parameter received; empty when it received none. */
    public static <T> List<T> valuesOf(ArgSpec arg) {
        List<T> values = arg.getValue();
        return values == null ? List.of() : List.copyOf(values);
    }
}
