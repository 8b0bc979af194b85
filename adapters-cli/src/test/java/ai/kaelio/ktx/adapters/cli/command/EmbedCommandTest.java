package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.application.port.in.EmbedRequest;
import ai.kaelio.ktx.application.port.in.EmbedResult;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.StartResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command over a fake use case that embeds each text as {@code [its length, -0.5]}. */
class EmbedCommandTest {

    private final List<String> texts = new ArrayList<>();
    private EmbedRequest seen;

    private final EmbedTextsUseCase lengths = (request, sink) -> {
        seen = request;
        long index = 0;
        for (Optional<String> text = request.texts().next(); text.isPresent(); text = request.texts().next()) {
            texts.add(text.get());
            sink.accept("org/model", index++, List.of(new float[] {text.get().length(), -0.5f}));
        }
        return index == 0 ? new EmbedResult.NothingToEmbed() : new EmbedResult.Embedded("org/model", index, 2);
    };

    private CliHarness harness() {
        return new CliHarness().embed(lengths);
    }

    @Test
    void argumentsAreTextsAndEachVectorIsAJsonLineInInputOrder() {
        var result = harness().run("embed", "hello", "wörld!");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("{\"index\":0,\"embedding\":[5.0,-0.5]}\n{\"index\":1,\"embedding\":[6.0,-0.5]}\n");
        assertThat(result.err()).isEmpty();
        assertThat(seen.batchSize()).isEqualTo(EmbedRequest.DEFAULT_BATCH_SIZE);
        assertThat(seen.model()).isEmpty();
        assertThat(seen.consent()).isEqualTo(InstallConsent.ASK);
    }

    @Test
    void jsonIsOneDocumentWithModelAndDimensions() {
        var result = harness().run("embed", "--format", "json", "a", "bc");

        assertThat(result.out()).isEqualTo("{\"model\":\"org/model\",\"dimensions\":2,\"data\":["
                + "{\"index\":0,\"embedding\":[1.0,-0.5]},{\"index\":1,\"embedding\":[2.0,-0.5]}]}\n");
    }

    @Test
    void standardInputGivesOneTextPerLineWithoutItsLineEnd() {
        var result = harness().stdin("first line\r\nsecond\n\u00e9t\u00e9").run("embed", "--input", "-", "--no-input",
                "--model", "/models/mini", "--batch-size", "7");

        assertThat(result.code()).isZero();
        assertThat(texts).containsExactly("first line", "second", "été");
        assertThat(seen.model()).contains("/models/mini");
        assertThat(seen.batchSize()).isEqualTo(7);
        assertThat(seen.consent()).isEqualTo(InstallConsent.NEVER);
    }

    @Test
    void aFileGivesItsLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("texts.txt"), "one\ntwo\n");

        var result = harness().run("embed", "--input", file.toString());

        assertThat(texts).containsExactly("one", "two");
        assertThat(result.out().lines()).hasSize(2);
    }

    @Test
    void unreadableInputIsOneSentence(@TempDir Path dir) {
        var missing = harness().run("embed", "--input", dir.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Cannot read " + dir.resolve("nope.txt") + ": no such file\n");

        InputStream latin1 = new ByteArrayInputStream(new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        var notUtf8 = harness().terminal(new HostTerminal(false, false, latin1)).run("embed", "--input", "-");
        assertThat(notUtf8.code()).isEqualTo(1);
        assertThat(notUtf8.err()).isEqualTo("standard input is not UTF-8 text (line 2)\n");
    }

    @Test
    void emptyInputSaysWhatToGive() {
        var noTexts = harness().run("embed");
        assertThat(noTexts.code()).isEqualTo(1);
        assertThat(noTexts.err()).isEqualTo(
                "Nothing to embed: give texts as arguments, or lines with --input FILE (- for standard input).\n");

        var emptyStdin = harness().stdin("").run("embed", "--input", "-");
        assertThat(emptyStdin.err()).isEqualTo("Nothing to embed: standard input has no lines.\n");
    }

    @Test
    void usageErrorsRunNothing() {
        EmbedTextsUseCase never = (request, sink) -> {
            throw new AssertionError("nothing should run");
        };
        for (String[] args : List.of(new String[] {"embed", "--input", "-", "text"},
                new String[] {"embed", "--batch-size", "0", "text"},
                new String[] {"embed", "--batch-size", "many", "text"},
                new String[] {"embed", "--format", "csv", "text"},
                new String[] {"embed", "--model", " ", "text"},
                new String[] {"embed", "--yes", "--no-input", "text"})) {
            var result = new CliHarness().embed(never).run(args);
            assertThat(result.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", args)).contains("See 'ktx embed --help'.");
        }
    }

    @Test
    void failuresAreOneSentenceOnStderr() {
        assertThat(failing(new EmbedResult.DaemonLost(4000, 4242, "Connection reset")).err()).isEqualTo(
                "The KTX daemon (pid 4242) stopped answering after 4000 texts (Connection reset). The next ktx embed"
                        + " starts a new one.\n");
        assertThat(failing(new EmbedResult.ModelUnavailable("Cannot load org/m: not cached. Fix: go online.")).err())
                .isEqualTo("Cannot load org/m: not cached. Fix: go online.\n");
        assertThat(failing(new EmbedResult.DaemonUnavailable(new StartResult.RuntimeUnavailable(
                CliHarness.notInstalled())))
                .err()).isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
        assertThat(failing(new EmbedResult.EmptyText(2)).err()).startsWith("Text 3 is empty:");
    }

    private CliHarness.Result failing(EmbedResult result) {
        var run = new CliHarness().embed((request, sink) -> result).run("embed", "a", "b");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        return run;
    }
}
