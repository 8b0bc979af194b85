package ai.kaelio.ktx.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonText.render("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void rendersNestedValuesInOrderWithTwoSpaceIndent() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("path", Path.of("/x y"));
        value.put("list", List.of(1, true));
        value.put("none", null);
        value.put("empty", List.of());
        value.put("nested", Map.of());

        assertThat(JsonText.render(value)).isEqualTo(String.join("\n",
                "{",
                "  \"path\": \"/x y\",",
                "  \"list\": [",
                "    1,",
                "    true",
                "  ],",
                "  \"none\": null,",
                "  \"empty\": [],",
                "  \"nested\": {}",
                "}"));
    }

    @Test
    void nullInsideAListStaysNull() {
        assertThat(JsonText.render(Arrays.asList("a", null))).isEqualTo("[\n  \"a\",\n  null\n]");
    }
}
