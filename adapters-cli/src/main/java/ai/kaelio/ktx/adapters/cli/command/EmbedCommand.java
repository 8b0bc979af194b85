package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.EmbedOutput;
import ai.kaelio.ktx.adapters.cli.output.EmbeddingWriter;
import ai.kaelio.ktx.adapters.cli.terminal.EmbedProgress;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.adapters.cli.terminal.WaitNotice;
import ai.kaelio.ktx.application.port.in.EmbedRequest;
import ai.kaelio.ktx.application.port.in.EmbedResult;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.EmbeddingSink;
import ai.kaelio.ktx.application.port.in.TextSource;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code ktx embed}: texts in (arguments, a file or stdin), vectors out, through the daemon. */
final class EmbedCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "embed";
    static final String STDIN = "-";

    private final ModelOption modelOption = new ModelOption();
    // Typed as a path, so that shells complete file names for it.
    private final OptionSpec input = CommandModels.valueOption("--input", "FILE", Path.class, Path::of,
            null, "Embed each line of FILE (- for standard input) instead of TEXT arguments.");
    private final OptionSpec format = CommandModels.valueOption("--format", "FORMAT", EmbeddingWriter.Format.class,
            EmbedCommand::format, List.of("jsonl", "json"),
            "jsonl (default): one {\"index\", \"embedding\"} per line as results arrive; json: one document with"
                    + " \"model\", \"dimensions\" and \"data\".");
    private final OptionSpec batchSize = CommandModels.valueOption("--batch-size", "N", Integer.class, EmbedCommand::batchSize,
            List.of(), "Texts per request to the daemon (default " + EmbedRequest.DEFAULT_BATCH_SIZE + ", at most "
                    + EmbedRequest.MAX_BATCH_SIZE + ").");
    private final PositionalParamSpec texts = CommandModels.words("0..*", "TEXT", "Texts to embed, one vector each.");
    private final CommandSpec model;

    private final Provider<EmbedTextsUseCase> embed;
    private final InstallConsentOption consent;
    private final Provider<HostTerminal> terminal;

    @Inject
    EmbedCommand(Provider<EmbedTextsUseCase> embed, InstallConsentOption consent, Provider<HostTerminal> terminal) {
        this.embed = embed;
        this.consent = consent;
        this.terminal = terminal;
        this.model = CommandModels.command(this, NAME,
                "Embed texts with the runtime's local model, starting the KTX daemon (and installing"
                        + " local-embeddings) on demand.",
                consent.yes(), consent.noInput(), modelOption.model(), input, format, batchSize, texts);
        model.usageMessage().footer("", "Prints vectors in input order. Exits 1 with one sentence on stderr if the"
                + " input is empty, the model cannot be loaded or the daemon dies (the next call starts a new one);"
                + " 130 on Ctrl-C, leaving the daemon serving; 2 on a usage error.");
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        var out = model.commandLine().getOut();
        var err = model.commandLine().getErr();
        Optional<String> file = Optional.<Path>ofNullable(input.getValue()).map(Path::toString);
        List<String> arguments = CommandModels.valuesOf(texts);
        if (file.isPresent() && !arguments.isEmpty()) {
            throw new ParameterException(model.commandLine(), "Give texts as arguments or with --input, not both");
        }
        EmbeddingWriter.Format chosen = Optional.<EmbeddingWriter.Format>ofNullable(format.getValue())
                .orElse(EmbeddingWriter.Format.JSONL);
        int size = Optional.<Integer>ofNullable(batchSize.getValue()).orElse(EmbedRequest.DEFAULT_BATCH_SIZE);
        String inputName = file.map(name -> name.equals(STDIN) ? "standard input" : name).orElse("");
        try (InputStream stream = open(file, terminal.get().stdin())) {
            TextSource source = stream == null ? TextSource.of(arguments) : new TextLines(stream, inputName);
            EmbeddingWriter writer = new EmbeddingWriter(out, chosen);
            EmbedProgress progress = showsProgress(chosen) ? new EmbedProgress(writer, err, System::nanoTime) : null;
            EmbeddingSink sink = progress == null ? writer : progress;
            var request = new EmbedRequest(source, modelOption.name(), size, consent.consent(),
                    consent.confirmation(), new WaitNotice(err));
            EmbedResult result;
            try {
                result = embed.get().embed(request, sink);
            } finally {
                if (progress != null) {
                    progress.erase();
                }
            }
            if (result instanceof EmbedResult.Embedded) {
                writer.finish();
            }
            return new EmbedOutput(out, err, inputName).print(result);
        } catch (TextLines.UnreadableInput | CannotOpen e) {
            err.println(e.getMessage());
            return ExitCodes.FAILED;
        } catch (EmbeddingWriter.OutputClosed e) {
            // As `yes | head` ends: silently, with the status a shell gives a process that SIGPIPE ended.
            return ExitCodes.OUTPUT_CLOSED;
        }
    }

    /** Progress for a person watching: on a terminal, not for machine-read JSON, and not with NO_COLOR. */
    private boolean showsProgress(EmbeddingWriter.Format chosen) {
        return chosen == EmbeddingWriter.Format.JSONL && terminal.get().colour();
    }

    /** Null for texts given as arguments. Standard input is not closed afterwards: the shell may go on reading it. */
    private static InputStream open(Optional<String> file, InputStream stdin) throws CannotOpen {
        if (file.isEmpty()) {
            return null;
        }
        if (file.get().equals(STDIN)) {
            return new java.io.FilterInputStream(stdin) {
                @Override
                public void close() {
                    // Not ours to close.
                }
            };
        }
        try {
            return Files.newInputStream(Path.of(file.get()));
        } catch (NoSuchFileException e) {
            throw new CannotOpen("Cannot read " + file.get() + ": no such file");
        } catch (IOException | InvalidPathException e) {
            throw new CannotOpen("Cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    private static final class CannotOpen extends IOException {
        CannotOpen(String message) {
            super(message);
        }
    }

    private static EmbeddingWriter.Format format(String value) {
        for (EmbeddingWriter.Format candidate : EmbeddingWriter.Format.values()) {
            if (candidate.id().equals(value)) {
                return candidate;
            }
        }
        throw new picocli.CommandLine.TypeConversionException("Unknown format: " + value + " (expected jsonl or json)");
    }

    private static Integer batchSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= EmbedRequest.MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new picocli.CommandLine.TypeConversionException("The batch size must be a whole number from 1 to "
                + EmbedRequest.MAX_BATCH_SIZE + ", not " + value);
    }
}
