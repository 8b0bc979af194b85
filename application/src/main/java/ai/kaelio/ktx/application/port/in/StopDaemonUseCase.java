package ai.kaelio.ktx.application.port.in;

/** Stops this version's daemon (and with {@code all}, every ktx-daemon of the user) and removes its state. */
public interface StopDaemonUseCase {
    StopResult stop(StopRequest request) throws java.io.IOException, InterruptedException;
}
