package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up is worth its thread only if the main thread finds its work done. Checked in a fresh JVM,
 * where everything happens for the first time as it does in ktx.
 */
class StartupWarmUpTest {

    @TempDir
    Path dir;

    @Test
    void aStatusAfterTheWarmUpGeneratesNoAnnotationProxyOrComparatorLambda() throws Exception {
        List<String> loaded = classesLoadedByTheProbe();
        int marker = markerLine(loaded);

        assertThat(loaded.subList(marker, loaded.size()))
                .as("classes the JDK generated while Guice built the injector, which the warm-up should have made")
                .filteredOn(line -> line.contains("__dynamic_proxy__") || line.contains("java.util.Comparator$$Lambda"))
                .isEmpty();
        assertThat(loaded.subList(0, marker))
                .as("the warm-up made them").anyMatch(line -> line.contains("__dynamic_proxy__"));
    }

    private List<String> classesLoadedByTheProbe() throws Exception {
        Path log = dir.resolve("class-load.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Xlog:class+load:file=" + log, "-cp",
                System.getProperty("java.class.path"), WarmUpProbe.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile()).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(Files.readString(dir.resolve("probe.out"))).isZero();
        return Files.readAllLines(log);
    }

    private static int markerLine(List<String> loaded) {
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i).contains(" " + WarmUpProbe.Marker.class.getName() + " ")) {
                return i;
            }
        }
        throw new AssertionError("the probe's marker class was not loaded");
    }
}
