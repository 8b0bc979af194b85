package ai.kaelio.ktx.archfixtures.adapters.process;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Broken on purpose (jacksonOnlyInAdaptersFs): JSON parsing outside the file-system adapter. */
final class JacksonProbeParser {

    String version(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("version").asText();
    }
}
