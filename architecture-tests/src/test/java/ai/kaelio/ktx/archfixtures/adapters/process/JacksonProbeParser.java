package ai.kaelio.ktx.archfixtures.adapters.process;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Broken on purpose (jacksonDatabindOnlyInAdaptersFs): data binding outside the file-system adapter (jackson-core streaming would be allowed). */
final class JacksonProbeParser {

    String version(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("version").asText();
    }
}
