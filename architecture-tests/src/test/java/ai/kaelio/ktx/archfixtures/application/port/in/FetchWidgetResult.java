package ai.kaelio.ktx.archfixtures.application.port.in;

import ai.kaelio.ktx.archfixtures.domain.Widget;

public sealed interface FetchWidgetResult {
    record Found(Widget widget) implements FetchWidgetResult {
    }

    record Missing(String reason) implements FetchWidgetResult {
    }
}
