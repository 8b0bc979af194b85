package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.service.FetchWidgetService;

/** Broken on purpose (adaptersReachTheApplicationOnlyThroughPorts): an adapter using a service directly. */
final class ServiceReachingStore {

    private final FetchWidgetService service;

    ServiceReachingStore(FetchWidgetService service) {
        this.service = service;
    }

    FetchWidgetService service() {
        return service;
    }
}
