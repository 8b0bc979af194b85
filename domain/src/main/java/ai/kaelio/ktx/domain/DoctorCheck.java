package ai.kaelio.ktx.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One line of {@code ktx runtime doctor}: what was checked, how it went, and how to fix it. */
public record DoctorCheck(String id, String label, Status status, String detail, Optional<String> fix) {

    public DoctorCheck {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
        Objects.requireNonNull(status);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(fix);
    }

    public static DoctorCheck pass(String id, String label, String detail) {
        return new DoctorCheck(id, label, Status.PASS, detail, Optional.empty());
    }

    public static DoctorCheck warn(String id, String label, String detail) {
        return new DoctorCheck(id, label, Status.WARN, detail, Optional.empty());
    }

    public static DoctorCheck fail(String id, String label, String detail, String fix) {
        return new DoctorCheck(id, label, Status.FAIL, detail, Optional.of(fix));
    }

    public enum Status {
        PASS, WARN, FAIL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
