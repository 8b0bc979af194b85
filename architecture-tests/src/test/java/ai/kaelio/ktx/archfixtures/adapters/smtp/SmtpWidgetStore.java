package ai.kaelio.ktx.archfixtures.adapters.smtp;

import ai.kaelio.ktx.archfixtures.application.port.out.WidgetStore;

/** Broken on purpose (eachAdapterHasAPublicGuiceModule): an adapter package with no module to bind it. */
final class SmtpWidgetStore implements WidgetStore {

    @Override
    public Lookup find(String name) {
        return new Absent(Reason.NO_FILE);
    }
}
