package ai.kaelio.ktx.archfixtures.application.port.out;

import ai.kaelio.ktx.archfixtures.application.service.FetchWidgetService;

/** Broken on purpose (onionArchitecture): a port reaching out to the service that implements a use case. */
public interface WidgetCache {
    FetchWidgetService owner();
}
