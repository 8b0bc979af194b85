package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallLogTest {

    @TempDir
    Path dir;

    @Test
    void plainArgumentsStayBareAndOthersAreQuoted() {
        assertThat(InstallLog.render(List.of("/usr/bin/uv", "pip", "install", "--python=/v/bin/python",
                "/a/kaelio_ktx-0.1.0-py3-none-any.whl[local-embeddings]")))
                .isEqualTo("/usr/bin/uv pip install --python=/v/bin/python /a/kaelio_ktx-0.1.0-py3-none-any.whl[local-embeddings]");
        assertThat(InstallLog.render(List.of("/tmp/my runtime/bin/python", "", "it's", "$HOME", "a;b")))
                .isEqualTo("'/tmp/my runtime/bin/python' '' 'it'\\''s' '$HOME' 'a;b'");
        assertThat(InstallLog.render(List.of("python3", "-c", "import sys\nprint('hi\\there')")))
                .isEqualTo("python3 -c $'import sys\\nprint(\\'hi\\\\there\\')'");
    }

    @Test
    void renderedCommandIsOneLineThatBashReadsBackAsTheSameArguments() throws Exception {
        List<String> arguments = List.of("/tmp/my runtime/x", "", "it's", "$HOME", "a;b", "tab\there",
                "line one\nline 'two'", "back\\slash", "bell\u0007", "émoji 🙂", "glob*?");
        String rendered = InstallLog.render(arguments);
        assertThat(rendered).doesNotContain("\n");

        ProcessFixtures.Output echoed = ProcessFixtures.run(List.of("bash", "-c",
                "eval \"set -- $1\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done", "bash", rendered));
        assertThat(echoed.exitCode()).isZero();
        assertThat(echoed.text().split("\0", -1)).containsExactlyElementsOf(withEmptyTail(arguments));
    }

    @Test
    void logHoldsCommandsNotesAndOutputLinesAndStartsAfresh() throws Exception {
        Path path = dir.resolve("0.1.0/install.log");
        Files.createDirectories(path.getParent());
        Files.writeString(path, "an earlier attempt\n");
        try (InstallLog log = InstallLog.create(path)) {
            log.note("ktx install");
            log.command(List.of("uv", "venv", "/v"));
            log.line("Using CPython 3.11.7");
            // Flushed per line: a killed install still leaves its log.
            assertThat(path).hasContent("# ktx install\n$ uv venv /v\nUsing CPython 3.11.7");
        }
    }

    private static List<String> withEmptyTail(List<String> arguments) {
        List<String> expected = new ArrayList<>(arguments);
        expected.add("");
        return expected;
    }
}
