package ai.kaelio.ktx.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code ktx runtime doctor}: what was checked, how it went, and what would fix it. A fix
 * that is a ktx command is named by what it does; the front end says what to type.
 */
public record DoctorCheck(String id, String label, Status status, String detail, Optional<Fix> fix) {

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

    /** A passing check with a command one step away (a daemon that is not running yet). */
    public static DoctorCheck pass(String id, String label, String detail, Fix hint) {
        return new DoctorCheck(id, label, Status.PASS, detail, Optional.of(hint));
    }

    public static DoctorCheck warn(String id, String label, String detail, Fix fix) {
        return new DoctorCheck(id, label, Status.WARN, detail, Optional.of(fix));
    }

    /** A failure the user fixes on the host: install a tool, set a variable. */
    public static DoctorCheck fail(String id, String label, String detail, String advice) {
        return fail(id, label, detail, new Fix.Advice(advice));
    }

    public static DoctorCheck fail(String id, String label, String detail, Fix fix) {
        return new DoctorCheck(id, label, Status.FAIL, detail, Optional.of(fix));
    }

    /** What would fix a check, or (on a pass) what comes next. */
    public sealed interface Fix {

        /** Something to do about the host, in words. */
        record Advice(String text) implements Fix {
            public Advice {
                Objects.requireNonNull(text);
            }
        }

        /** Something a ktx command does. */
        enum Command implements Fix {
            /** Install the runtime (or repair it). */
            INSTALL_RUNTIME,
            /** Build the runtime again, even though its manifest says it is ready. */
            REINSTALL_RUNTIME,
            /** Start the daemon: it is not running, which is fine until something needs it. */
            START_DAEMON,
            /** Replace a stale daemon with a new one, or clean up after it. */
            REPLACE_OR_STOP_DAEMON
        }
    }

    public enum Status {
        PASS, WARN, FAIL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
