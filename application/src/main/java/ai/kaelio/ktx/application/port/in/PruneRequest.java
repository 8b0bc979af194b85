package ai.kaelio.ktx.application.port.in;

/** {@code dryRun}: list what would be removed and remove nothing. */
public record PruneRequest(boolean dryRun) {
}
