package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up archive's lock and class list; its dumps run for real in ReleaseArchiveIT. */
class StartupArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theLockIsTakenOnceWhileItIsFresh() throws Exception {
        Path lock = StartupArchive.lockOf(dir.resolve("ktx.jsa"));

        assertThat(StartupArchive.claim(lock)).isTrue();
        assertThat(StartupArchive.claim(lock)).as("a dump runs").isFalse();
        assertThat(lock.getFileName().toString()).isEqualTo("ktx.jsa.lock");
    }

    /** A dump that failed (it dates the lock) or was killed (it leaves it) is tried again, but not at once. */
    @Test
    void aLockOlderThanTheRetryDelayIsTakenOver() throws Exception {
        Path lock = StartupArchive.lockOf(dir.resolve("ktx.jsa"));
        Files.createFile(lock);
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(StartupArchive.RETRY_AFTER).plus(Duration.ofMinutes(1))));
        assertThat(StartupArchive.claim(lock)).isFalse();

        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(StartupArchive.RETRY_AFTER).minus(Duration.ofMinutes(1))));

        assertThat(StartupArchive.claim(lock)).isTrue();
        assertThat(Files.getLastModifiedTime(lock).toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void theClassListIsSortedWithItsHeaderFirstAndTheLambdaLinesLast() throws Exception {
        Path classList = dir.resolve("ktx.classlist");
        Files.write(classList, List.of("# NOTE: Do not modify this file.", "#", "java/lang/String",
                "@lambda-proxy b/B run ()V", "ai/kaelio/ktx/bootstrap/Main", "@lambda-form-invoker [LF_RESOLVE] x",
                "java/lang/Object"));

        StartupArchive.sortClassList(classList);

        assertThat(Files.readAllLines(classList)).containsExactly("# NOTE: Do not modify this file.", "#",
                "ai/kaelio/ktx/bootstrap/Main", "java/lang/Object", "java/lang/String",
                "@lambda-form-invoker [LF_RESOLVE] x", "@lambda-proxy b/B run ()V");
    }

    @Test
    void theDumpIsStaticOfTheShippedListForThePlacesJar() {
        Path home = Path.of("/opt/ktx");

        assertThat(StartupArchive.dumpCommand(Path.of("/opt/ktx/runtime/bin/java"), home, Path.of("/c/ktx.jsa.1.tmp")))
                .containsSubsequence("/opt/ktx/runtime/bin/java", "-Xshare:dump",
                        "-XX:SharedClassListFile=/opt/ktx/lib/ktx.classlist", "-XX:SharedArchiveFile=/c/ktx.jsa.1.tmp",
                        "-cp", "/opt/ktx/lib/ktx.jar");
    }
}
