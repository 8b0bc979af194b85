package ai.kaelio.ktx.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Names install attempts: the time makes them sortable and readable in a listing, the random part keeps
 * two attempts in the same second (or an orphan's and ours) apart.
 */
final class AttemptIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private final Clock clock;
    /** Made on first use: a reinstall that finds a ready runtime never needs it. */
    private SecureRandom random;

    AttemptIds(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
