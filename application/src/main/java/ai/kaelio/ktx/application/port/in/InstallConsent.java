package ai.kaelio.ktx.application.port.in;

/** May a command install the runtime it needs? {@code --yes}: install; {@code --no-input}: never; else ask. */
public enum InstallConsent {
    YES,
    NEVER,
    ASK
}
