package ai.kaelio.ktx.application.port.in;

import java.util.Objects;

/** {@code all}: also stop every {@code ktx-daemon serve-http} of this user, recorded or not. */
public record StopRequest(boolean all, InstallObserver observer) {
    public StopRequest {
        Objects.requireNonNull(observer, "observer");
    }
}
