package ai.kaelio.ktx.archfixtures.application.port.in;

import java.util.List;

/** Broken on purpose (inPortsHoldOnlyUseCasesAndWhatTheyExchange): an in-port not named as a use case. */
public interface WidgetQueries {
    List<String> names();
}
