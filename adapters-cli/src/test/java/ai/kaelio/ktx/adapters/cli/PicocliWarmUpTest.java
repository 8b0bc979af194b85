package ai.kaelio.ktx.adapters.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class PicocliWarmUpTest {

    /** The background thread swallows failures, so this is where a broken warm-up would show. */
    @Test
    void warmUpBuildsAndParsesItsSampleToTheEnd() {
        assertThatCode(PicocliWarmUp::warm).doesNotThrowAnyException();
    }
}
