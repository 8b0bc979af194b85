package ai.kaelio.ktx.archfixtures.application.port.in;

public interface FetchObserver {
    default void looking(String name) {
    }

    default void found(String name) {
    }
}
