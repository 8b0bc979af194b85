package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Raises real signals in this JVM. Should a handler be missing, the JVM's default would end the test run
 * itself with 130 or 143, which fails the build as surely as an assertion.
 */
class SignalForwardingTest {

    private static final Signal TERM = new Signal("TERM");
    private static final Signal INT = new Signal("INT");

    private static Process sleeper() throws Exception {
        return new ProcessBuilder("sleep", "30").start();
    }

    @Test
    void terminationOfKtxIsPassedOnToTheChild() throws Exception {
        try (SignalForwarding forwarding = SignalForwarding.install()) {
            Process child = sleeper();
            forwarding.forwardTo(child);

            Signal.raise(TERM);

            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(child.exitValue()).isEqualTo(128 + 15);
        }
    }

    @Test
    void terminationRequestedBeforeTheChildStartedReachesItOnceItStarts() throws Exception {
        try (SignalForwarding forwarding = SignalForwarding.install()) {
            Signal.raise(TERM);
            // The handler runs on a thread of its own; give it time to run before there is a child.
            Thread.sleep(300);
            Process child = sleeper();

            forwarding.forwardTo(child);

            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(child.exitValue()).isEqualTo(128 + 15);
        }
    }

    @Test
    void anInterruptLeavesKtxAndTheChildRunningForTheChildToHandle() throws Exception {
        try (SignalForwarding forwarding = SignalForwarding.install()) {
            Process child = sleeper();
            forwarding.forwardTo(child);

            Signal.raise(INT);
            Thread.sleep(300);

            assertThat(child.isAlive()).isTrue();
            child.destroy();
        }
    }

    @Test
    void closingPutsThePreviousHandlersBack() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        SignalHandler original = Signal.handle(TERM, signal -> heard.countDown());
        try {
            SignalForwarding.install().close();

            Signal.raise(TERM);

            assertThat(heard.await(10, TimeUnit.SECONDS)).as("the handler from before was called").isTrue();
        } finally {
            Signal.handle(TERM, original);
        }
    }
}
