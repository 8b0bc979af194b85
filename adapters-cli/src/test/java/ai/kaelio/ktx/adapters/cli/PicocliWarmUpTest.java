package ai.kaelio.ktx.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class PicocliWarmUpTest {

    /** The background thread swallows failures, so this is where a broken warm-up would show. */
    @Test
    void warmUpRunsToTheEndForABranchAndForTheWholeTree() {
        assertThatCode(() -> PicocliWarmUp.warm("runtime", "status", "--json")).doesNotThrowAnyException();
        assertThatCode(() -> PicocliWarmUp.warm()).doesNotThrowAnyException();
    }

    @Test
    void warmUpReadsTheClassesOfTheTreeThatRunWillBuild() {
        assertThat(CommandHierarchy.classesReachableBy("runtime", "status", "--json"))
                .containsExactly(KtxCommand.class, RuntimeCommand.class, StatusCommand.class);
        assertThat(CommandHierarchy.classesReachableBy("--help")).hasSize(12).contains(ExecCommand.class, ShellCommand.class);
    }
}
