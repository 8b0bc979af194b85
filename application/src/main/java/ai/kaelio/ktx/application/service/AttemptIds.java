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
    private final SecureRandom random = new SecureRandom();

    AttemptIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
