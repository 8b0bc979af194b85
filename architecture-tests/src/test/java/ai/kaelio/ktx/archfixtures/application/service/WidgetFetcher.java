package ai.kaelio.ktx.archfixtures.application.service;

import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetRequest;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetResult;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetUseCase;

/** Broken on purpose (servicesAreNamedAfterTheirUseCase): should be FetchWidgetService. */
final class WidgetFetcher implements FetchWidgetUseCase {

    @Override
    public FetchWidgetResult fetch(FetchWidgetRequest request) {
        return new FetchWidgetResult.Missing("not looked");
    }
}
