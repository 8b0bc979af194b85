package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution as shipped: its layout, its launcher, and its behaviour when copied or linked. */
class DistributionIT {

    @TempDir
    Path dir;

    @Test
    void versionAndHelp() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));

        assertThat(ktx.run("--version").succeeds().out()).isEqualTo("ktx " + Distribution.version() + "\n");
        assertThat(ktx.run("--help").succeeds().out()).contains("runtime", "install", "status", "doctor", "prune");
        assertThat(ktx.run("runtime", "--help").succeeds().out()).contains("install", "status", "doctor", "prune");
    }

    @Test
    void usageErrorsExitTwoWithOneMessageAndNoStackTrace() throws Exception {
        var result = KtxRun.against(dir.resolve("root")).run("runtime", "instal").exits(2);

        assertThat(result.err()).contains("instal").contains("install").doesNotContain("\tat ");
    }

    @Test
    void distributionHoldsLauncherLibrariesAndVerifiedAssets() throws Exception {
        Path dist = KtxRun.distribution();

        assertThat(dist.resolve("bin/ktx")).isExecutable();
        assertThat(dist.resolve("assets/python/manifest.json")).isRegularFile();
        try (Stream<Path> wheels = Files.list(dist.resolve("assets/python"))) {
            assertThat(wheels.map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.endsWith("-py3-none-any.whl"));
        }
        try (Stream<Path> jars = Files.list(dist.resolve("lib"))) {
            assertThat(jars.map(path -> path.getFileName().toString())).contains("ktx.jar", "ktx.classlist", "ktx.jsa", "ktx.jsa.key");
        }
    }

    @Test
    void copiedDistributionRunsThroughASymlinkAndFindsItsOwnAssets() throws Exception {
        Path copy = copyDistribution(dir.resolve("elsewhere/ktx"));
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("ktx"), copy.resolve("bin/ktx"));

        var doctor = KtxRun.with(link, dir.resolve("root")).run("runtime", "doctor");

        assertThat(doctor.out()).contains("PASS Bundled Python wheel: " + copy.resolve("assets/python"));
    }

    @Test
    void launcherLoadsTheBuildsClassDataSharingArchive() throws Exception {
        var loaded = KtxRun.against(dir.resolve("root")).env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout")
                .run("runtime", "status", "--json").succeeds();

        assertThat(loaded.out().lines().filter(line -> line.contains("ai.kaelio.ktx.") && line.contains("shared objects file")))
                .as("ktx's own classes come from the archive").isNotEmpty();
    }

    /** Without JAVA_HOME the launcher looks java up on PATH itself, and still recognises its JDK for the archive. */
    @Test
    void launcherFindsJavaOnPathAndKeepsTheArchive() throws Exception {
        var loaded = KtxRun.against(dir.resolve("root")).env("JAVA_HOME", null).env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout")
                .run("runtime", "status", "--json").succeeds();

        assertThat(loaded.out().lines().filter(line -> line.contains("ai.kaelio.ktx.") && line.contains("shared objects file")))
                .as("ktx's own classes come from the archive").isNotEmpty();
    }

    @Test
    void withoutAnyJavaTheLauncherSaysHowToGetOne() throws Exception {
        Path emptyPath = Files.createDirectories(dir.resolve("no-java-here"));

        var result = KtxRun.against(dir.resolve("root")).env("JAVA_HOME", null).env("PATH", emptyPath.toString())
                .run("--version").exits(1);

        assertThat(result.err()).isEqualTo("ktx needs Java 17 or newer: install a JDK, or set JAVA_HOME to one.\n");
        assertThat(result.out()).isEmpty();
    }

    /**
     * The JVM refuses an archive built for another place and would then share nothing at all, not even the
     * JDK's own classes; the launcher sees that from ktx.jsa.key and keeps the JDK's archive instead.
     */
    @Test
    void copiedDistributionKeepsTheJdksOwnArchive() throws Exception {
        Path copy = copyDistribution(dir.resolve("elsewhere/ktx"));

        var loaded = KtxRun.with(copy.resolve("bin/ktx"), dir.resolve("root")).env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout")
                .run("runtime", "status", "--json").succeeds();

        assertThat(loaded.out().lines().filter(line -> line.contains(" java.lang.Object ")))
                .singleElement().asString().contains("shared objects file");
        assertThat(loaded.out().lines().filter(line -> line.contains("ai.kaelio.ktx.") && line.contains("shared objects file")))
                .as("the build's archive belongs to the build's folder").isEmpty();
        assertThat(loaded.err()).isEmpty();
    }

    /** The launcher compares java executables after following links: a linked JDK is the build's JDK. */
    @Test
    void theBuildsJdkReachedThroughALinkUsesTheArchive() throws Exception {
        Path linkedJdk = Files.createSymbolicLink(dir.resolve("linked-jdk"), Path.of(System.getProperty("java.home")));

        var loaded = KtxRun.against(dir.resolve("root")).env("JAVA_HOME", linkedJdk.toString())
                .env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("--version").succeeds();

        assertThat(loaded.out().lines().filter(line -> line.contains(" ai.kaelio.ktx.bootstrap.Main ")))
                .singleElement().asString().contains("shared objects file");
    }

    @Test
    void anotherJdkIgnoresTheArchiveSilently() throws Exception {
        Path otherJdk = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(otherJdk.resolve("bin/java")),
                "needs a second JDK at " + otherJdk);

        var result = KtxRun.against(dir.resolve("root")).env("JAVA_HOME", otherJdk.toString()).run("--version").succeeds();

        assertThat(result.out()).isEqualTo("ktx " + Distribution.version() + "\n");
        assertThat(result.err()).isEmpty();
        var loaded = KtxRun.against(dir.resolve("root")).env("JAVA_HOME", otherJdk.toString())
                .env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("--version").succeeds();
        assertThat(loaded.out().lines().filter(line -> line.contains(" java.lang.Object ")))
                .as("that JDK's own archive still serves its classes").singleElement().asString().contains("shared objects file");
    }

    static Path copyDistribution(Path target) throws IOException {
        Path source = KtxRun.distribution();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
