package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopSignalDeathsTest {

    private final CountDownLatch exiting = new CountDownLatch(1);
    private final StopSignalDeaths deaths = new StopSignalDeaths(exiting, Duration.ofMillis(300), Duration.ofMillis(800));

    @Test
    void onlyDeathsFromHangUpInterruptOrTerminateCount() {
        assertThat(StopSignalDeaths.diedOfStopSignal(129)).isTrue();
        assertThat(StopSignalDeaths.diedOfStopSignal(130)).isTrue();
        assertThat(StopSignalDeaths.diedOfStopSignal(143)).isTrue();
        assertThat(StopSignalDeaths.diedOfStopSignal(137)).as("SIGKILL: ktx, if it got one too, is gone").isFalse();
        assertThat(StopSignalDeaths.diedOfStopSignal(1)).isFalse();
        assertThat(StopSignalDeaths.diedOfStopSignal(0)).isFalse();
    }

    @Test
    void anOrdinaryFailureIsReportedAtOnce() throws Exception {
        long started = System.nanoTime();
        deaths.judge(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void aChildKilledAloneIsReportedAfterTheWindow() throws Exception {
        long started = System.nanoTime();
        deaths.judge(143);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aCancellationThatArrivesWithinTheWindowIsOne() {
        Thread judging = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            sleep(50);
            judging.interrupt();
        });
        assertThatThrownBy(() -> deaths.judge(130)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void whileKtxExitsNothingIsReportedEvenIfInterrupted() throws Exception {
        CompletableFuture<String> verdict = CompletableFuture.supplyAsync(() -> {
            try {
                deaths.judge(143);
                return "reported";
            } catch (InterruptedException e) {
                return "gave up";
            }
        });
        sleep(50);
        exiting.countDown();

        sleep(400);
        assertThat(verdict).as("held while ktx exits").isNotDone();
        assertThat(verdict.get(5, TimeUnit.SECONDS)).as("after far longer than an exit takes").isEqualTo("gave up");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
