package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SmallJsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object value = SmallJson.parse(" {\"s\": \"a\\\"b\\u00e9\\n\", \"n\": -12.5e1, \"t\": true, \"f\": false, \"z\": null,"
                + " \"l\": [1, [], {}]} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "a\"bé\n");
        expected.put("n", new BigDecimal("-12.5e1"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("l", Arrays.asList(new BigDecimal("1"), List.of(), Map.of()));
        assertThat(value).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "01", "tru", "\"open", "{} {}", "{'a': 1}", "\"\\x\""})
    void rejectsWhatIsNotOneJsonValue(String text) {
        assertThatThrownBy(() -> SmallJson.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON: ");
    }

    @Test
    void rejectsDeepNestingInsteadOfOverflowingTheStack() {
        assertThatThrownBy(() -> SmallJson.parse("[".repeat(10_000))).hasMessageContaining("nested too deeply");
    }
}
