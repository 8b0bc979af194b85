package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorCheck.Fix;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Optional;

/**
 * What the doctor's checks say in ktx's words: the commands that fix a failure ({@code Fix: Run: ktx …}),
 * and the next step a passing or stale daemon check mentions in its detail.
 */
final class DoctorWording {

    private DoctorWording() {
    }

    /** The check's detail, with the command a daemon check points to. */
    static String detail(DoctorCheck check) {
        if (check.fix().orElse(null) instanceof Fix.Command command) {
            return switch (command) {
                case START_DAEMON -> check.detail() + " (ktx runtime start starts it)";
                case REPLACE_OR_STOP_DAEMON -> check.detail() + "; stale: ktx runtime start replaces it, ktx runtime stop cleans it up";
                case INSTALL_RUNTIME, REINSTALL_RUNTIME -> check.detail();
            };
        }
        return check.detail();
    }

    /** The {@code Fix:} line's text, when the fix is one to show on a line of its own. */
    static Optional<String> fix(DoctorCheck check) {
        if (check.fix().isEmpty()) {
            return Optional.empty();
        }
        Fix fix = check.fix().get();
        if (fix instanceof Fix.Advice advice) {
            return Optional.of(advice.text());
        }
        if (fix instanceof Fix.Command command) {
            return switch (command) {
                case INSTALL_RUNTIME -> Optional.of("Run: " + InstallCommandLine.of(FeatureSet.core()));
                case REINSTALL_RUNTIME -> Optional.of("Run: " + InstallCommandLine.forced());
                case START_DAEMON, REPLACE_OR_STOP_DAEMON -> Optional.empty();
            };
        }
        throw new AssertionError(fix);
    }
}
