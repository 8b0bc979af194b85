package ai.kaelio.ktx.archfixtures.adapters.cli;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;

/** Broken on purpose (adaptersReachTheApplicationOnlyThroughPorts): the CLI bypassing the use case. */
final class StoreReachingCommand {

    private final WidgetStore store;

    StoreReachingCommand(WidgetStore store) {
        this.store = store;
    }

    WidgetStore.Lookup look(String name) {
        return store.find(name);
    }
}
