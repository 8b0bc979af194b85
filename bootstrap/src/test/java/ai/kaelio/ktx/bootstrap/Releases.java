package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The release archive the build made, unpacked as a user unpacks it, and what its start-up archive does. */
final class Releases {

    private Releases() {
    }

    static Path archive() {
        Path archive = Path.of(System.getProperty("ktx.release.archive",
                "target/ktx-" + Distribution.version() + "-linux-x64.tar.gz")).toAbsolutePath();
        assertThat(archive).as("the release archive is built by 'package' before the ITs").isRegularFile();
        return archive;
    }

    /** Unpacks the archive into {@code into} with tar, as the README says, and returns the ktx folder in it. */
    static Path unpack(Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "xzf", archive().toString(), "-C", into.toString()).inheritIO().start();
        assertThat(tar.waitFor()).as("tar's exit code").isZero();
        return into.resolve("ktx-" + Distribution.version());
    }

    /**
     * A directory for PATH that holds a link to every program on this PATH except {@code java}, first one
     * of a name winning as on PATH: a machine with everything but a JDK.
     */
    static Path pathWithoutJava(Path directory) throws IOException {
        Files.createDirectories(directory);
        Set<String> linked = new HashSet<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path dir = Path.of(entry.isEmpty() ? "." : entry);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(dir)) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    String name = program.getFileName().toString();
                    if (!name.equals("java") && Files.isExecutable(program) && !Files.isDirectory(program) && linked.add(name)) {
                        Files.createSymbolicLink(directory.resolve(name), program.toAbsolutePath());
                    }
                }
            }
        }
        return directory;
    }

    /** Waits until no dump holds the lock of this start-up archive; a dump takes a few seconds. */
    static void awaitNoDump(Path archive) throws InterruptedException {
        Path lock = StartupArchive.lockOf(archive);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Files.exists(lock)) {
            assertThat(Instant.now()).as("the start-up archive's dump ends within 120 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Whether ktx's own classes came out of a class-data-sharing archive in a run with class+load logging. */
    static boolean sharedKtxClasses(KtxRun.Result logged) {
        return logged.out().lines().anyMatch(line -> line.contains(" ai.kaelio.ktx.bootstrap.Main ")
                && line.contains("shared objects file"));
    }
}
