package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.DaemonState;

/** Tells whether this version's daemon runs, from its state file and process table alone: no request, no process started. */
public interface InspectDaemonUseCase {
    DaemonState inspect();
}
