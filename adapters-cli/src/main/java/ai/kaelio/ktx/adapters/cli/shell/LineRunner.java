package ai.kaelio.ktx.adapters.cli.shell;

import java.util.List;

/**
 * Runs one shell line's words as a ktx command line, exactly as terminal mode would, and gives its exit
 * code. The shell is handed one, so it never reaches back into the command line that started it.
 */
@FunctionalInterface
public interface LineRunner {

    int run(List<String> words);
}
