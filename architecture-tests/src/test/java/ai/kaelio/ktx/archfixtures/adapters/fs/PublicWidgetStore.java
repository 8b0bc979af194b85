package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;

/** Broken on purpose (adaptersArePackagePrivateWithHiddenConstructors): a public adapter. */
public final class PublicWidgetStore implements WidgetStore {

    PublicWidgetStore() {
    }

    @Override
    public Lookup find(String name) {
        return new Absent(Reason.NO_FILE);
    }
}
