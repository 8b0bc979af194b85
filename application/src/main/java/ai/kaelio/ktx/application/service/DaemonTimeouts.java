package ai.kaelio.ktx.application.service;

import java.time.Duration;

/**
 * How long daemon lifecycle steps may take. {@code ready}: from spawning to a healthy answer;
 * {@code shutdown}, {@code terminate}, {@code kill}: how long each way of stopping is given before the
 * next, firmer one; {@code poll}: how often a starting daemon is looked at.
 */
public record DaemonTimeouts(Duration ready, Duration shutdown, Duration terminate, Duration kill, Duration poll) {

    public static final DaemonTimeouts DEFAULT = new DaemonTimeouts(
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(50));
}
