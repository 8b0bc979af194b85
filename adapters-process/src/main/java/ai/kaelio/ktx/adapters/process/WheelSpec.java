package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The requirement pip and uv are given: the wheel's path, plus {@code [extra,…]} for non-core features. */
final class WheelSpec {

    private WheelSpec() {
    }

    static String of(Path wheel, FeatureSet features) {
        if (features.extras().isEmpty()) {
            return wheel.toString();
        }
        return wheel + features.extras().stream().map(Feature::id).collect(Collectors.joining(",", "[", "]"));
    }
}
