package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import ai.kaelio.ktx.archfixtures.domain.Widget;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;

final class JacksonWidgetStore implements WidgetStore {

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    JacksonWidgetStore() {
    }

    @Override
    public Lookup find(String name) {
        try {
            return new Present(new Widget(mapper.readTree(new File(name)).path("name").asText()));
        } catch (IOException e) {
            return new Absent(Reason.UNREADABLE);
        }
    }
}
