package ai.kaelio.ktx.application.port.in;

import java.io.IOException;

/**
 * Which program {@code ktx runtime exec} would run for a command ({@code ktx runtime which}). It never
 * installs: a runtime that is not ready is reported, as {@code exec --no-input} reports it.
 */
public interface LocateCommandUseCase {
    LocateResult locate(String command) throws IOException, InterruptedException;
}
