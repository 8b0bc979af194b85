package ai.kaelio.ktx.archfixtures.application.service;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;
import com.google.inject.Injector;

/** Broken on purpose (applicationDependsOnNoFramework): a service that looks things up in Guice. */
final class InjectorBackedWidgets {

    private final Injector injector;

    InjectorBackedWidgets(Injector injector) {
        this.injector = injector;
    }

    WidgetStore store() {
        return injector.getInstance(WidgetStore.class);
    }
}
