package ai.kaelio.ktx.adapters.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout the contract's examples show; the documents' content is held by {@link ContractJsonTest}. */
class JsonDocumentTest {

    @Test
    void indentsByTwoOneElementPerLineWithEmptyContainersClosedAndUnixLineEnds() {
        String text = JsonDocument.render(json -> {
            json.writeStartObject();
            json.writeStringField("text", "quote \" backslash \\ newline \n tab \t bell \u0007 Zürich 東京 😀");
            json.writeArrayFieldStart("list");
            json.writeNumber(1);
            json.writeBoolean(true);
            json.writeNull();
            json.writeEndArray();
            json.writeArrayFieldStart("none");
            json.writeEndArray();
            json.writeObjectFieldStart("empty");
            json.writeEndObject();
            json.writeEndObject();
        });

        assertThat(text).isEqualTo("""
                {
                  "text": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 Zürich 東京 😀",
                  "list": [
                    1,
                    true,
                    null
                  ],
                  "none": [],
                  "empty": {}
                }""");
    }
}
