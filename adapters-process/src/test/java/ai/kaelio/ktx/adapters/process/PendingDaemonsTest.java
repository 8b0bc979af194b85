package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@EnabledOnOs({OS.LINUX, OS.MAC})
class PendingDaemonsTest {

    private final String marker = "ktx-pending-" + UUID.randomUUID();

    /**
     * An exit that lands while a daemon is being spawned (its process exists, {@code start} has not
     * returned) must end that daemon too, not leave it running unrecorded. Several exit times, so some land
     * mid-spawn; before the spawn and the shutdown hook shared a lock, stand-ins outlived the JVM.
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 20, 40, 80})
    void anExitWhileDaemonsAreSpawnedEndsEveryOneOfThem(long exitAfterMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                PendingDaemonsExitProbe.class.getName(), marker, Long.toString(exitAfterMillis))
                .inheritIO().start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(standIns()).as("stand-in daemons left running after the JVM exited").isEmpty();
    }

    @AfterEach
    void endStandIns() {
        standIns().forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> standIns() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(marker))
                .toList();
    }
}
