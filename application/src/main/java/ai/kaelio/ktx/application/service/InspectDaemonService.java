package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.domain.DaemonState;

/** Status's view of the daemon: the state file and the process table, no request and no new process. */
public final class InspectDaemonService implements InspectDaemonUseCase {

    private final DaemonInspector daemons;

    public InspectDaemonService(DaemonInspector daemons) {
        this.daemons = daemons;
    }

    @Override
    public DaemonState inspect() {
        return daemons.inspect();
    }
}
