package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.LocateCommandUseCase;
import ai.kaelio.ktx.application.port.in.LocateResult;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.FeatureSet;
import java.io.IOException;

/** Looks the command up where {@code exec} would, in the environment the installed manifest names. */
public final class LocateCommandService implements LocateCommandUseCase {

    /** A question about the runtime never installs it. */
    private static final EnsureRequest NEVER_INSTALL =
            new EnsureRequest(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY, InstallObserver.SILENT);

    private final EnsureRuntimeUseCase ensure;
    private final RuntimeCommands commands;

    public LocateCommandService(EnsureRuntimeUseCase ensure, RuntimeCommands commands) {
        this.ensure = ensure;
        this.commands = commands;
    }

    @Override
    public LocateResult locate(String command) throws IOException, InterruptedException {
        EnsureResult ensured = ensure.ensure(NEVER_INSTALL);
        if (!(ensured instanceof EnsureResult.Ready ready)) {
            return new LocateResult.RuntimeUnavailable(ensured);
        }
        return commands.locate(ready.environment(), command)
                .<LocateResult>map(LocateResult.Found::new)
                .orElseGet(() -> new LocateResult.CommandNotFound(command));
    }
}
