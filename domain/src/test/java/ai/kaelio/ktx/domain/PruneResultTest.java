package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneResultTest {

    private static final Path ROOT = Path.of("/data/ktx/runtime");

    @Test
    void nothingToDoOnlyWhenNothingWasFoundKeptOrFailed() {
        assertThat(result(List.of(), List.of(), List.of()).nothingToDo()).isTrue();
        assertThat(result(List.of(ROOT.resolve("0.1.0")), List.of(), List.of()).nothingToDo()).isFalse();
        assertThat(result(List.of(), List.of(new PruneResult.Kept(ROOT.resolve("0.1.0"), "install in progress")),
                List.of()).nothingToDo()).isFalse();
        assertThat(result(List.of(), List.of(), List.of(new PruneResult.Failed(ROOT.resolve("0.1.0"), "denied")))
                .nothingToDo()).isFalse();
    }

    @Test
    void theResultKeepsItsOwnCopies() {
        List<Path> stale = new ArrayList<>(List.of(ROOT.resolve("0.1.0")));
        PruneResult result = result(stale, List.of(), List.of());
        stale.add(ROOT.resolve("0.0.9"));

        assertThat(result.stale()).containsExactly(ROOT.resolve("0.1.0"));
    }

    private static PruneResult result(List<Path> stale, List<PruneResult.Kept> kept, List<PruneResult.Failed> failed) {
        return new PruneResult(ROOT, false, stale, kept, failed);
    }
}
