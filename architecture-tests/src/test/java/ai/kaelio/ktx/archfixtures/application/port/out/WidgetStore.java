package ai.kaelio.ktx.archfixtures.application.port.out;

import ai.kaelio.ktx.archfixtures.domain.Widget;

public interface WidgetStore {
    Lookup find(String name);

    sealed interface Lookup {
    }

    record Present(Widget widget) implements Lookup {
    }

    record Absent(Reason reason) implements Lookup {
    }

    enum Reason {
        NO_FILE, UNREADABLE
    }
}
