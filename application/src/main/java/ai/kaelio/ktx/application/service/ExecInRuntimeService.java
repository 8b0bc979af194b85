package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import ai.kaelio.ktx.application.port.in.ExecResult;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import java.io.IOException;

/**
 * Makes sure the runtime covers what the command needs (asking, installing or refusing as the consent
 * policy says), then runs the command in the environment the installed manifest names.
 */
public final class ExecInRuntimeService implements ExecInRuntimeUseCase {

    private final EnsureRuntimeUseCase ensure;
    private final RuntimeCommands commands;

    public ExecInRuntimeService(EnsureRuntimeUseCase ensure, RuntimeCommands commands) {
        this.ensure = ensure;
        this.commands = commands;
    }

    @Override
    public ExecResult exec(ExecRequest request) throws IOException, InterruptedException {
        EnsureResult ensured = ensure.ensure(request.runtime());
        if (!(ensured instanceof EnsureResult.Ready ready)) {
            return new ExecResult.RuntimeUnavailable(ensured);
        }
        EnvironmentLayout environment = ready.manifest().environment(ready.layout().platform());
        RuntimeCommands.Outcome outcome = commands.run(environment, request.command());
        if (outcome instanceof RuntimeCommands.Exited exited) {
            return new ExecResult.Exited(exited.exitCode());
        }
        if (outcome instanceof RuntimeCommands.NotFound notFound) {
            return new ExecResult.CommandNotFound(notFound.command());
        }
        RuntimeCommands.NotStarted notStarted = (RuntimeCommands.NotStarted) outcome;
        return new ExecResult.CannotStart(notStarted.command(), notStarted.reason());
    }
}
