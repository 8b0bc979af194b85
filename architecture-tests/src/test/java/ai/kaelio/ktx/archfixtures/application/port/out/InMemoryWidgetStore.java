package ai.kaelio.ktx.archfixtures.application.port.out;

/** Broken on purpose (outPortsAreInterfaces): an implementation living beside its port. */
public final class InMemoryWidgetStore implements WidgetStore {

    @Override
    public Lookup find(String name) {
        return new Absent(Reason.NO_FILE);
    }
}
