package ai.kaelio.ktx.domain;

/** The visible steps of an install, in order, for progress reporting. */
public enum InstallStep {
    VERIFY_WHEEL("Verify bundled wheel"),
    CREATE_ENVIRONMENT("Create environment"),
    INSTALL_PACKAGES("Install packages"),
    WRITE_MANIFEST("Write manifest");

    private final String label;

    InstallStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
