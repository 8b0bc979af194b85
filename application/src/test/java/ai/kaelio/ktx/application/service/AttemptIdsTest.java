package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AttemptIdsTest {

    @Test
    void idsStartWithTheUtcTimeSoTheySortByAge() {
        // A non-UTC clock zone must not leak into the name.
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T23:59:58Z"), ZoneId.of("Asia/Tokyo"));

        assertThat(new AttemptIds(clock).next()).matches("20260301T235958-[0-9a-f]{6}");
    }

    @Test
    void twoAttemptsInTheSameSecondGetDifferentIds() {
        AttemptIds ids = new AttemptIds(Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneId.of("UTC")));

        assertThat(ids.next()).isNotEqualTo(ids.next());
    }
}
