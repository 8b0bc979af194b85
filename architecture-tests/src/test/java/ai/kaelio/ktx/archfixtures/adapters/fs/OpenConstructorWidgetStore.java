package ai.kaelio.ktx.archfixtures.adapters.fs;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;

/** Broken on purpose (adaptersArePackagePrivateWithHiddenConstructors): a hidden adapter with a public constructor. */
final class OpenConstructorWidgetStore implements WidgetStore {

    public OpenConstructorWidgetStore() {
    }

    @Override
    public Lookup find(String name) {
        return new Absent(Reason.NO_FILE);
    }
}
