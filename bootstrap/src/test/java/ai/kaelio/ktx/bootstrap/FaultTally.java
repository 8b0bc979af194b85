package ai.kaelio.ktx.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the cases a fault test tried and how each ended, and writes the figures where RELIABILITY.md
 * takes them from: {@code bootstrap/target/reliability/<fault class>.txt} (and the test's own output).
 */
final class FaultTally {

    private final String faultClass;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int cases;

    FaultTally(String faultClass) {
        this.faultClass = faultClass;
    }

    synchronized void record(String outcome) {
        cases++;
        outcomes.merge(outcome, 1, Integer::sum);
    }

    synchronized int cases() {
        return cases;
    }

    /** Called once all cases passed their assertions, so the figures only ever describe a passing run. */
    synchronized void publish() {
        String line = faultClass + ": " + cases + " cases, all passed; outcomes " + outcomes;
        System.out.println("FAULT " + line);
        Path directory = Path.of("target", "reliability");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(faultClass + ".txt"), line + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
