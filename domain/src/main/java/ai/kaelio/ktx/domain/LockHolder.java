package ai.kaelio.ktx.domain;

import java.time.Instant;

/** Who holds a runtime lock, as the holder wrote it into the lock file. */
public record LockHolder(long pid, Instant since, String purpose) {
}
