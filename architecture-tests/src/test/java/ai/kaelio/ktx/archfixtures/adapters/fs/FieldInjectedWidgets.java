package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import jakarta.inject.Inject;

/** Broken on purpose (onlyConstructorInjection): a field the injector fills behind the constructor's back. */
final class FieldInjectedWidgets {

    @Inject
    WidgetStore store;
}
