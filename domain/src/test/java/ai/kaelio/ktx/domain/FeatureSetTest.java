package ai.kaelio.ktx.domain;

import static ai.kaelio.ktx.domain.Feature.CORE;
import static ai.kaelio.ktx.domain.Feature.LOCAL_EMBEDDINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void coreIsAlwaysPresent() {
        assertThat(FeatureSet.core().features()).containsExactly(CORE);
        assertThat(new FeatureSet(List.of()).features()).containsExactly(CORE);
        assertThat(FeatureSet.of(LOCAL_EMBEDDINGS).features()).containsExactly(CORE, LOCAL_EMBEDDINGS);
    }

    @Test
    void featuresFollowTheContractOrderWithoutDuplicates() {
        FeatureSet set = new FeatureSet(List.of(LOCAL_EMBEDDINGS, CORE, LOCAL_EMBEDDINGS));

        assertThat(set.features()).containsExactly(CORE, LOCAL_EMBEDDINGS);
        assertThat(set.ids()).containsExactly("core", "local-embeddings");
        assertThat(set).hasToString("core, local-embeddings");
    }

    @Test
    void setsThatMeanTheSameAreEqual() {
        assertThat(FeatureSet.of(LOCAL_EMBEDDINGS)).isEqualTo(FeatureSet.of(CORE, LOCAL_EMBEDDINGS));
        assertThat(FeatureSet.of(CORE)).isEqualTo(FeatureSet.core()).isNotEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
    }

    @Test
    void theFeatureListCannotBeChangedFromOutside() {
        List<Feature> source = new ArrayList<>(List.of(CORE));
        FeatureSet set = FeatureSet.of(source);
        source.add(LOCAL_EMBEDDINGS);

        assertThat(set.features()).containsExactly(CORE);
        assertThatThrownBy(() -> set.features().add(LOCAL_EMBEDDINGS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parseNormalisesIds() {
        assertThat(FeatureSet.parse(List.of("local-embeddings")).ids()).containsExactly("core", "local-embeddings");
        assertThat(FeatureSet.parse(List.of()).ids()).containsExactly("core");
    }

    @Test
    void parseRejectsAnUnknownFeatureNamingTheChoices() {
        assertThatThrownBy(() -> FeatureSet.parse(List.of("core", "gpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown runtime feature 'gpu': expected one of core, local-embeddings");
    }

    @Test
    void featureIdsAreExactAndCaseSensitive() {
        assertThat(Feature.fromId("local-embeddings")).contains(LOCAL_EMBEDDINGS);
        assertThat(Feature.fromId("Local-Embeddings")).isEmpty();
        assertThat(Feature.fromId("local_embeddings")).isEmpty();
        assertThat(Feature.allIds()).isEqualTo("core, local-embeddings");
    }

    @Test
    void unionKeepsEveryFeatureOfBoth() {
        assertThat(FeatureSet.core().union(FeatureSet.of(LOCAL_EMBEDDINGS)))
                .isEqualTo(FeatureSet.of(CORE, LOCAL_EMBEDDINGS));
        assertThat(FeatureSet.of(LOCAL_EMBEDDINGS).union(FeatureSet.core()))
                .isEqualTo(FeatureSet.of(CORE, LOCAL_EMBEDDINGS));
        assertThat(FeatureSet.core().union(FeatureSet.core())).isEqualTo(FeatureSet.core());
    }

    @Test
    void aSetCoversWhatItContains() {
        FeatureSet both = FeatureSet.of(LOCAL_EMBEDDINGS);

        assertThat(both.covers(FeatureSet.core())).isTrue();
        assertThat(both.covers(both)).isTrue();
        assertThat(FeatureSet.core().covers(both)).isFalse();
        assertThat(both.contains(LOCAL_EMBEDDINGS)).isTrue();
        assertThat(FeatureSet.core().contains(LOCAL_EMBEDDINGS)).isFalse();
    }

    @Test
    void extrasAreEverythingButCore() {
        assertThat(FeatureSet.core().extras()).isEmpty();
        assertThat(FeatureSet.of(LOCAL_EMBEDDINGS).extras()).containsExactly(LOCAL_EMBEDDINGS);
    }
}
