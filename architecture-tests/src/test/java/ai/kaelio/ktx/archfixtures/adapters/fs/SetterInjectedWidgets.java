package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import com.google.inject.Inject;

/** Broken on purpose (onlyConstructorInjection): method injection, Guice's own annotation. */
final class SetterInjectedWidgets {

    private WidgetStore store;

    @Inject
    void store(WidgetStore newStore) {
        this.store = newStore;
    }

    WidgetStore store() {
        return store;
    }
}
