package ai.kaelio.ktx.domain;

import static ai.kaelio.ktx.domain.Manifests.ENVIRONMENT;
import static ai.kaelio.ktx.domain.Manifests.LAYOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeStatusTest {

    private final InstalledManifest manifest = Manifests.installed(FeatureSet.core());

    @Test
    void kindsUseTheContractsNames() {
        assertThat(Arrays.stream(RuntimeStatus.Kind.values()).map(RuntimeStatus.Kind::id))
                .containsExactly("missing", "ready", "mismatched", "broken");
    }

    @Test
    void missingNamesTheManifestItLookedFor() {
        RuntimeStatus missing = new RuntimeStatus.Missing(LAYOUT);

        assertThat(missing.kind()).isEqualTo(RuntimeStatus.Kind.MISSING);
        assertThat(missing.detail()).isEqualTo("No runtime manifest at /data/ktx/runtime/0.2.0/manifest.json");
        assertThat(missing.manifest()).isEmpty();
        assertThat(missing.environment()).isEmpty();
        assertThat(missing.isReady()).isFalse();
    }

    @Test
    void readyCarriesItsManifestAndEnvironment() {
        RuntimeStatus ready = new RuntimeStatus.Ready(LAYOUT, manifest);

        assertThat(ready.kind()).isEqualTo(RuntimeStatus.Kind.READY);
        assertThat(ready.detail()).isEqualTo("Runtime ready at /data/ktx/runtime/0.2.0");
        assertThat(ready.manifest()).contains(manifest);
        assertThat(ready.environment()).contains(ENVIRONMENT);
        assertThat(ready.isReady()).isTrue();
    }

    @Test
    void mismatchedAndBrokenAreNotReady() {
        RuntimeStatus mismatched = new RuntimeStatus.Mismatched(LAYOUT, manifest, "Runtime is for CLI 0.1.0");
        RuntimeStatus broken = new RuntimeStatus.Broken(LAYOUT, Optional.of(manifest), "Missing ktx-daemon executable");
        RuntimeStatus invalid = new RuntimeStatus.Broken(LAYOUT, Optional.empty(), "Runtime manifest is invalid: x");

        assertThat(mismatched.kind().id()).isEqualTo("mismatched");
        assertThat(mismatched.detail()).isEqualTo("Runtime is for CLI 0.1.0");
        assertThat(mismatched.environment()).contains(ENVIRONMENT);
        assertThat(broken.kind().id()).isEqualTo("broken");
        assertThat(broken.environment()).contains(ENVIRONMENT);
        assertThat(invalid.environment()).isEmpty();
        assertThat(mismatched.isReady()).isFalse();
        assertThat(broken.isReady()).isFalse();
    }
}
