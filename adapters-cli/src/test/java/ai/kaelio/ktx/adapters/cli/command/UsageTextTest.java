package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every word of the command line's own text, compared with {@code src/test/resources/usage.golden}: each
 * command's usage, the version, the completion script and the usage errors. How the command models are
 * declared may change (they were once read from annotations); what users read must not, unless someone
 * means it. To accept a deliberate change, run this test with {@code -Dktx.usage.update=true} and review
 * the file's diff.
 */
class UsageTextTest {

    private static final Path GOLDEN = Path.of("src/test/resources/usage.golden");

    private static final List<List<String>> RUNS = List.of(
            List.of("--help"),
            List.of("--version"),
            List.of("runtime", "--help"),
            List.of("runtime", "install", "--help"),
            List.of("runtime", "status", "--help"),
            List.of("runtime", "doctor", "--help"),
            List.of("runtime", "prune", "--help"),
            List.of("runtime", "exec", "--help"),
            List.of("runtime", "start", "--help"),
            List.of("runtime", "stop", "--help"),
            List.of("embed", "--help"),
            List.of("runtime", "status", "-V"),
            List.of("shell", "--help"),
            List.of("completion", "--help"),
            List.of("help", "--help"),
            List.of("help"),
            List.of("help", "runtime", "exec"),
            List.of("completion", "bash"),
            List.of(),
            List.of("runtime"),
            List.of("runtime", "instal"),
            List.of("runtime", "status", "--bogus"),
            List.of("runtime", "status", "extra"),
            List.of("runtime", "install", "--feature", "nope"),
            List.of("runtime", "install", "--feature"),
            List.of("runtime", "install", "--provisioner", "nope"),
            List.of("runtime", "exec"),
            List.of("runtime", "exec", "--yes", "--no-input", "python"),
            List.of("runtime", "start", "--yes", "--no-input"),
            List.of("runtime", "prune"),
            List.of("embed", "--batch-size", "0", "hello"),
            List.of("embed", "--format", "csv", "hello"),
            List.of("embed", "--input", "-", "hello"),
            List.of("completion"),
            List.of("completion", "fish"),
            List.of("help", "runtime", "instal"),
            List.of("--stacktrace", "runtime", "stop", "--all", "--bogus"));

    @Test
    void theCommandLinesTextIsTheCommittedOne() throws IOException {
        String actual = transcript();
        if (Boolean.getBoolean("ktx.usage.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    private static String transcript() {
        StringBuilder text = new StringBuilder();
        for (List<String> args : RUNS) {
            CliHarness.Result result = new CliHarness().run(args.toArray(String[]::new));
            text.append("$ ktx ").append(String.join(" ", args)).append("\n[exit ").append(result.code()).append("]\n")
                    .append("--- stdout\n").append(result.out())
                    .append("--- stderr\n").append(result.err())
                    .append("--- end\n\n");
        }
        return text.toString();
    }
}
