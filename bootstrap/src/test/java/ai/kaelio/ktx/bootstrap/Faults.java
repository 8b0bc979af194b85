package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What every fault test checks after the fault: the runtime's state is never a lie. */
final class Faults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Faults() {
    }

    static JsonNode status(KtxRun ktx) throws IOException, InterruptedException {
        KtxRun.Result result = ktx.run("runtime", "status", "--json").succeeds();
        assertThat(result.err()).as("status prints nothing on stderr").isEmpty();
        return JSON.readTree(result.out());
    }

    /** Status may say anything but ready about a runtime that does not run. Returns the kind. */
    static String honestStatus(KtxRun ktx) throws IOException, InterruptedException {
        JsonNode status = status(ktx);
        String kind = status.get("kind").asText();
        if (kind.equals("ready")) {
            assertThat(runs(status.at("/layout/pythonPath").asText()))
                    .as("status said ready, so its python must run: %s", status).isTrue();
        }
        return kind;
    }

    /** The runtime's python imports the package and exits 0. */
    static boolean runs(String python) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(python, "-c", "import kaelio_ktx"))
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    static void assertReadyAndRuns(KtxRun ktx) throws IOException, InterruptedException {
        assertThat(honestStatus(ktx)).isEqualTo("ready");
    }

    /** SIGKILL to a whole process group, as a terminal's hang-up or a CI timeout would deliver. */
    static void killGroup(long leaderPid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", "--", "-" + leaderPid).start().waitFor();
    }

    static void kill(long pid) throws IOException, InterruptedException {
        signal("KILL", pid);
    }

    /** SIGTERM to one process, as {@code kill <pid>} sends it. */
    static void terminate(long pid) throws IOException, InterruptedException {
        signal("TERM", pid);
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor();
    }
}
