package ai.kaelio.ktx.domain;

import java.util.List;
import java.util.Optional;

/** Every doctor check, in the order they are shown. */
public record DoctorReport(List<DoctorCheck> checks) {

    public DoctorReport {
        checks = List.copyOf(checks);
    }

    public boolean hasFailure() {
        return checks.stream().anyMatch(check -> check.status() == DoctorCheck.Status.FAIL);
    }

    public Optional<DoctorCheck> check(String id) {
        return checks.stream().filter(check -> check.id().equals(id)).findFirst();
    }
}
