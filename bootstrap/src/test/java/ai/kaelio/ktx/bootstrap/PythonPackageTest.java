package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bundled Python package's own test suite (build reproducibility, metadata, install, the daemon, embeddings
 * equal to sentence-transformers'), run with the Java tests. The first run on a machine also builds the embedding
 * tests' two cached virtual environments and model fixtures (python/tests/embedding_envs.py, about a minute).
 */
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
        assertThat(process.waitFor(900, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
