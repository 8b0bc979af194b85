package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.DoctorReport;

/** Checks everything an install and the runtime depend on, and says how to fix what fails. */
public interface DiagnoseRuntimeUseCase {
    DoctorReport diagnose() throws InterruptedException;
}
