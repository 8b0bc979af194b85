package ai.kaelio.ktx.application.port.in;

/** Makes sure this version's daemon runs with the requested features: reuses a healthy one or starts one. */
public interface StartDaemonUseCase {
    StartResult start(StartRequest request) throws java.io.IOException, InterruptedException;
}
