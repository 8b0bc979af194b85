package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bundled Python package's own test suite (build reproducibility, metadata, install), run with the Java tests. */
class PythonPackageTest {

    @Test
    void pythonPackageTestsPass() throws Exception {
        Process process = new ProcessBuilder(List.of(TestWheels.python(), "-m", "unittest", "discover",
                "-s", "python/tests", "-t", "python"))
                .directory(TestWheels.repository().toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
