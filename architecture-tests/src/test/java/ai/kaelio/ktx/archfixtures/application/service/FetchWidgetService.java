package ai.kaelio.ktx.archfixtures.application.service;

import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetRequest;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetResult;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetUseCase;
import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import jakarta.inject.Inject;

public final class FetchWidgetService implements FetchWidgetUseCase {

    private final WidgetStore store;

    @Inject
    public FetchWidgetService(WidgetStore store) {
        this.store = store;
    }

    @Override
    public FetchWidgetResult fetch(FetchWidgetRequest request) {
        request.observer().looking(request.name());
        if (store.find(request.name()) instanceof WidgetStore.Present present) {
            return new FetchWidgetResult.Found(present.widget());
        }
        return new FetchWidgetResult.Missing("no widget " + request.name());
    }
}
