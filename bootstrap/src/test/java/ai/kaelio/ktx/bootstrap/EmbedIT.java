package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.EmbeddingFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ktx embed} from the real distribution, with a tiny fixture model whose vectors sentence-transformers
 * computed. The class's first run installs local-embeddings into an empty root and starts the daemon on
 * demand; the tests share that runtime.
 */
class EmbedIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    private static EmbeddingFixtures fixtures;
    private static EmbeddingFixtures.Model model;
    private static Path root;
    private static KtxRun ktx;
    private static KtxRun.Result firstRun;

    @BeforeAll
    static void embedOnAnEmptyRoot() throws Exception {
        fixtures = EmbeddingFixtures.get();
        model = fixtures.model("mean-normalized");
        root = shared.resolve("root");
        ktx = withModel(KtxRun.against(root));
        List<String> args = new ArrayList<>(List.of("embed", "--yes"));
        args.addAll(fixtures.texts());
        firstRun = ktx.run(args.toArray(String[]::new));
    }

    /** The fixture model, named as a user names theirs, and never a download. */
    private static KtxRun withModel(KtxRun run) {
        return run.env("KTX_EMBEDDING_MODEL", model.directory().toString()).env("HF_HUB_OFFLINE", "1");
    }

    @AfterAll
    static void endDaemons() throws Exception {
        Daemons.endAllUnder(shared);
    }

    private static Path statePath() {
        return root.resolve(Distribution.version().value()).resolve("daemon.json");
    }

    private static long daemonPid() throws Exception {
        return Daemons.state(statePath()).get("pid").asLong();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static void assertReferenceVectors(List<JsonNode> items) {
        assertThat(items).hasSameSizeAs(fixtures.texts());
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).get("index").asInt()).isEqualTo(i);
            EmbeddingFixtures.assertClose(JsonVectors.floats(items.get(i).get("embedding")), model.embeddings().get(i), "text " + i);
        }
    }

    @Test
    void onAnEmptyRootEmbedInstallsStartsAndPrintsTheReferenceVectors() throws Exception {
        firstRun.succeeds();

        assertReferenceVectors(lines(firstRun.out()));
        assertThat(Daemons.state(statePath()).get("model").asText()).isEqualTo(model.directory().toString());
        String status = ktx.run("runtime", "status").succeeds().out();
        assertThat(status).contains("features: core, local-embeddings")
                .contains("embedding model: " + model.directory() + " (local directory; loaded by the daemon, "
                        + model.dimensions() + " dimensions)");
        JsonNode embeddingModel = JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out()).get("embeddingModel");
        assertThat(embeddingModel.get("name").asText()).isEqualTo(model.directory().toString());
        assertThat(embeddingModel.get("source").asText()).isEqualTo("directory");
        assertThat(embeddingModel.get("loaded").asBoolean()).isTrue();
        assertThat(embeddingModel.get("dimensions").asInt()).isEqualTo(model.dimensions());
        assertThat(ktx.run("runtime", "doctor").succeeds().out())
                .contains("PASS embedding model: " + model.directory() + ": a local directory; the daemon has it loaded ("
                        + model.dimensions() + " dimensions)");
    }

    @Test
    void aSecondCallReusesTheDaemon() throws Exception {
        firstRun.succeeds();
        long pid = daemonPid();

        ktx.run("embed", "hello").succeeds();

        assertThat(daemonPid()).isEqualTo(pid);
        assertThat(Daemons.isRunning(pid)).isTrue();
    }

    @Test
    void standardInputAndOneJsonDocument() throws Exception {
        var result = ktx.runWithInput(String.join("\n", fixtures.texts()) + "\n", "embed", "--input", "-",
                "--format", "json", "--no-input").succeeds();

        JsonNode document = JSON.readTree(result.out());
        assertThat(document.get("model").asText()).isEqualTo(model.directory().toString());
        assertThat(document.get("dimensions").asInt()).isEqualTo(model.dimensions());
        List<JsonNode> items = new ArrayList<>();
        document.get("data").forEach(items::add);
        assertReferenceVectors(items);
    }

    @Test
    void thousandsOfLinesInManyBatchesComeBackWholeAndInOrder() throws Exception {
        firstRun.succeeds();
        Path input = shared.resolve("3000.txt");
        Files.write(input, IntStream.range(0, 3_000).mapToObj(i -> fixtures.texts().get(i % fixtures.texts().size())).toList());

        var result = ktx.run("embed", "--input", input.toString(), "--batch-size", "16", "--no-input").succeeds();

        List<JsonNode> items = lines(result.out());
        assertThat(items).hasSize(3_000);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).get("index").asInt()).isEqualTo(i);
            EmbeddingFixtures.assertClose(JsonVectors.floats(items.get(i).get("embedding")),
                    model.embeddings().get(i % fixtures.texts().size()), "line " + (i + 1));
        }
    }

    @Test
    void aDaemonKilledMidStreamIsNamedAndTheNextCallRecovers() throws Exception {
        Midstream midstream = embedManyLines();
        ProcessHandle.of(midstream.daemonPid()).orElseThrow().destroyForcibly();
        var result = midstream.run().finish();

        result.exits(1);
        assertThat(result.err()).matches("(?s)The KTX daemon \\(pid " + midstream.daemonPid() + "\\) stopped answering after"
                + " \\d+ texts \\(.*\\)\\. The next ktx embed starts a new one\\.\n");
        long printed = result.out().lines().count();
        assertThat(printed).isBetween(1L, 19_999L);
        assertThat(result.err()).contains("after " + printed + " texts");

        var next = ktx.run("embed", "--no-input", "hello world").succeeds();
        assertThat(lines(next.out())).hasSize(1);
        assertThat(daemonPid()).isNotEqualTo(midstream.daemonPid());
    }

    @Test
    void ctrlCMidStreamExits130AndLeavesTheDaemonServing() throws Exception {
        Midstream midstream = embedManyLines();
        // The signal a terminal's Ctrl-C sends, to ktx alone.
        new ProcessBuilder("kill", "-INT", Long.toString(midstream.run().process().pid())).start().waitFor();
        var result = midstream.run().finish();

        result.exits(130);
        assertThat(result.err()).endsWith("Interrupted.\n");
        assertThat(Daemons.isRunning(midstream.daemonPid())).isTrue();
        var after = ktx.run("embed", "--no-input", "still serving");
        assertThat(after.code()).as("%s%ndaemon log:%n%s", after.err(), Files.readString(midstream.log())).isZero();
        assertThat(daemonPid()).isEqualTo(midstream.daemonPid());
    }

    @Test
    void aReaderThatGoesAwayStopsTheRunQuietly() throws Exception {
        Warm warm = warmDaemon();
        long before = embedRequests(warm.log());

        // As `ktx embed --input big.txt | head -1` in a shell: head exits after one line.
        Process pipeline = ktx.builder(List.of("bash", "-c", "\"$0\" embed --no-input --batch-size 8 --input \"$1\" | head -1;"
                + " echo \"ktx exit ${PIPESTATUS[0]}\"", ktx.launcher().toString(), warm.input().toString())).start();
        pipeline.getOutputStream().close();
        String out = new String(pipeline.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(pipeline.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(pipeline.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out.lines().toList().get(1)).isEqualTo("ktx exit 141");
        assertThat(err).isEmpty();
        // It stopped at the closed pipe instead of embedding all 2,500 batches for nobody.
        assertThat(embedRequests(warm.log()) - before).isLessThan(100);
        assertThat(Daemons.isRunning(warm.daemonPid())).isTrue();
    }

    @Test
    void itWorksInsideTheShell() throws Exception {
        firstRun.succeeds();

        var result = ktx.runWithInput("embed --no-input hello\nembed --format json --no-input a b\n", "shell").succeeds();

        List<String> out = result.out().lines().toList();
        assertThat(out).hasSize(2);
        assertThat(JSON.readTree(out.get(0)).get("index").asInt()).isZero();
        assertThat(JSON.readTree(out.get(1)).get("data").size()).isEqualTo(2);
    }

    private record Midstream(KtxRun.Started run, long daemonPid, Path log) {
    }

    /** A daemon of the fixture model (another test may have left one of another model), and 20,000 lines. */
    private record Warm(long daemonPid, Path log, Path input) {
    }

    private static Warm warmDaemon() throws Exception {
        firstRun.succeeds();
        Path input = shared.resolve("20000.txt");
        Files.write(input, IntStream.range(0, 20_000).mapToObj(i -> "line number " + i + " of many").toList());
        ktx.run("embed", "--no-input", "warm up").succeeds();
        return new Warm(daemonPid(), Path.of(Daemons.state(statePath()).get("log").asText()), input);
    }

    /** {@code ktx embed} of 20,000 lines in batches of 8, caught a few requests in. */
    private static Midstream embedManyLines() throws Exception {
        Warm warm = warmDaemon();
        long requestsBefore = embedRequests(warm.log());

        var run = ktx.start("embed", "--input", warm.input().toString(), "--batch-size", "8", "--no-input");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (embedRequests(warm.log()) < requestsBefore + 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return new Midstream(run, warm.daemonPid(), warm.log());
    }

    private static long embedRequests(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("request POST /v1/embeddings")).count();
        }
    }
}
