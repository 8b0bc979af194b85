package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class FsWarmUpTest {

    /** The background thread that runs it swallows failures, so this is where a broken warm-up shows. */
    @Test
    void warmUpParsesAndWritesItsSample() {
        assertThatCode(FsWarmUp::run).doesNotThrowAnyException();
    }
}
