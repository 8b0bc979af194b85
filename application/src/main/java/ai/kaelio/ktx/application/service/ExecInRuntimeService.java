package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import ai.kaelio.ktx.application.port.in.ExecResult;
import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import java.io.IOException;
import java.util.Optional;

/**
 * Makes sure the runtime covers what the command needs (asking, installing or refusing as the consent
 * policy says), then runs the command in the environment the installed manifest names, holding a lease on
 * it so that a reinstall meanwhile leaves it in place until the command ends.
 */
public final class ExecInRuntimeService implements ExecInRuntimeUseCase {

    /** A reinstall between reading the manifest and taking the lease replaces the environment: read again. */
    private static final int ATTEMPTS = 3;

    private final EnsureRuntimeUseCase ensure;
    private final RuntimeCommands commands;
    private final EnvironmentLeases leases;

    public ExecInRuntimeService(EnsureRuntimeUseCase ensure, RuntimeCommands commands, EnvironmentLeases leases) {
        this.ensure = ensure;
        this.commands = commands;
        this.leases = leases;
    }

    @Override
    public ExecResult exec(ExecRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            EnsureResult ensured = ensure.ensure(request.runtime());
            if (!(ensured instanceof EnsureResult.Ready ready)) {
                return new ExecResult.RuntimeUnavailable(ensured);
            }
            EnvironmentLayout environment = ready.environment();
            Optional<EnvironmentLeases.Lease> lease = leases.share(environment.venvDir());
            if (lease.isPresent()) {
                try (EnvironmentLeases.Lease held = lease.get()) {
                    return run(environment, request);
                }
            }
            if (attempt == ATTEMPTS) {
                // Replaced each time we looked: run in the latest anyway rather than refuse.
                return run(environment, request);
            }
        }
    }

    private ExecResult run(EnvironmentLayout environment, ExecRequest request) throws IOException, InterruptedException {
        RuntimeCommands.Outcome outcome = commands.run(environment, request.command());
        if (outcome instanceof RuntimeCommands.Exited exited) {
            return new ExecResult.Exited(exited.exitCode());
        }
        if (outcome instanceof RuntimeCommands.NotFound notFound) {
            return new ExecResult.CommandNotFound(notFound.command());
        }
        if (outcome instanceof RuntimeCommands.NotStarted notStarted) {
            return new ExecResult.CannotStart(notStarted.command(), notStarted.reason());
        }
        throw new AssertionError(outcome);
    }
}
