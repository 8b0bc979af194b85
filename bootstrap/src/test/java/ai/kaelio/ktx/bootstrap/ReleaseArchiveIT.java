package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.EmbeddingFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release smoke test: the archive as a user gets it, unpacked into a fresh folder and run through a
 * link from another, on a PATH with no java and no JAVA_HOME, so only its own runtime can run it.
 */
class ReleaseArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOBODY = 65534;

    @TempDir
    static Path shared;

    private static Path noJava;

    @BeforeAll
    static void machineWithoutAJdk() throws Exception {
        noJava = Releases.pathWithoutJava(shared.resolve("path-without-java"));
    }

    @AfterAll
    static void endDaemons() throws Exception {
        Daemons.endAllUnder(shared);
    }

    /** bin/ktx reached through a link in another folder, with nothing but the release to run it. */
    private static KtxRun linkedRelease(Path home, String name) throws Exception {
        Path links = Files.createDirectories(shared.resolve("links-" + name));
        Path link = Files.createSymbolicLink(links.resolve("ktx"), home.resolve("bin/ktx"));
        return KtxRun.with(link, shared.resolve("root-" + name)).env("JAVA_HOME", null).env("PATH", noJava.toString());
    }

    @Test
    void theUnpackedReleaseRunsEveryCommandOnItsOwnRuntime() throws Exception {
        Path home = Releases.unpack(shared.resolve("smoke"));
        KtxRun ktx = linkedRelease(home, "smoke");
        Path jdk = Path.of(System.getProperty("java.home"));
        if (!ktx.hiding(jdk)) {
            System.out.println("ReleaseArchiveIT: the JDK at " + jdk + " stays in sight (hiding it takes root); only PATH and JAVA_HOME lack it");
        }

        assertThat(ktx.run("--version").succeeds().out()).isEqualTo("ktx " + Distribution.version() + "\n");
        Releases.awaitNoDump(home.resolve(StartupArchive.ARCHIVE));
        assertThat(Releases.sharedKtxClasses(ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("--version").succeeds()))
                .as("the second run maps the archive the first one dumped").isTrue();
        ktx.env("KTX_JAVA_OPTS", null);

        ktx.run("runtime", "install").succeeds();
        JsonNode status = JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out());
        assertThat(status.get("kind").asText()).isEqualTo("ready");
        assertThat(status.at("/layout/assetDir").asText()).isEqualTo(home.resolve("assets/python").toString());
        assertThat(ktx.run("runtime", "doctor").succeeds().out()).contains("PASS Runtime import");
        assertThat(ktx.run("runtime", "start", "--no-input").succeeds().out()).startsWith("Started KTX daemon\n");
        assertThat(ktx.run("runtime", "stop").succeeds().out()).startsWith("Stopped KTX daemon\n");
        ktx.run("runtime", "prune", "--dry-run").succeeds();
        assertThat(ktx.run("runtime", "exec", "--", "python", "-c", "import kaelio_ktx; print(kaelio_ktx.__version__)")
                .succeeds().out()).isEqualTo(Distribution.version() + "\n");
        assertThat(ktx.runWithInput("runtime status\n", "shell").succeeds().out()).contains("status: ready");
        assertThat(ktx.run("completion", "bash").succeeds().out()).contains("complete");

        EmbeddingFixtures fixtures = EmbeddingFixtures.get();
        EmbeddingFixtures.Model model = fixtures.model("mean-normalized");
        List<String> embed = new ArrayList<>(List.of("embed", "--yes"));
        embed.addAll(fixtures.texts());
        String vectors = ktx.env("KTX_EMBEDDING_MODEL", model.directory().toString()).env("HF_HUB_OFFLINE", "1")
                .run(embed.toArray(String[]::new)).succeeds().out();
        List<String> lines = vectors.lines().toList();
        assertThat(lines).hasSameSizeAs(fixtures.texts());
        for (int i = 0; i < lines.size(); i++) {
            float[] vector = JsonVectors.floats(JSON.readTree(lines.get(i)).get("embedding"));
            EmbeddingFixtures.assertClose(vector, model.embeddings().get(i), "text " + i);
        }
        ktx.run("runtime", "stop").succeeds();
    }

    /**
     * Four commands at once at a new place: each finds no archive, one dump wins the lock, and the archive
     * appears whole, by rename, for the next run.
     */
    @Test
    void concurrentFirstRunsDumpOneWholeArchiveThatTheNextRunMaps() throws Exception {
        Path home = Releases.unpack(shared.resolve("concurrent"));
        KtxRun ktx = linkedRelease(home, "concurrent");

        List<KtxRun.Started> firstRuns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            firstRuns.add(ktx.start("runtime", "status"));
        }
        for (KtxRun.Started run : firstRuns) {
            assertThat(run.finish().succeeds().err()).isEmpty();
        }
        Releases.awaitNoDump(home.resolve(StartupArchive.ARCHIVE));

        try (var lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("ktx.jar", "ktx.classlist", "ktx.jsa");
        }
        assertThat(Releases.sharedKtxClasses(ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("runtime", "status").succeeds()))
                .isTrue();
    }

    /**
     * Unpacked by another user (here root, or a folder without write permission for this one): ktx cannot
     * write lib/, so the archive for this place goes to the user's cache, and the next run maps it there.
     */
    @Test
    void aReleaseKtxCannotWriteToKeepsItsArchiveInTheUsersCache() throws Exception {
        Path home = Releases.unpack(shared.resolve("read-only"));
        Path userHome = Files.createDirectories(shared.resolve("user-home"));
        KtxRun ktx = linkedRelease(home, "read-only").env("HOME", userHome.toString()).env("XDG_CACHE_HOME", null);
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        if (root) {
            // Root writes anywhere: the runs are nobody's, as a user's runs of a release root unpacked.
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(userHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        } else {
            assertThat(home.resolve("lib").toFile().setWritable(false, false)).isTrue();
        }
        Path cached = userHome.resolve(".cache/kaelio/ktx/startup" + home + "/ktx.jsa");

        var first = root ? ktx.runAs(NOBODY, "--version") : ktx.run("--version");
        assertThat(first.succeeds().err()).isEmpty();
        Releases.awaitNoDump(cached);

        assertThat(cached).isRegularFile();
        assertThat(home.resolve(StartupArchive.ARCHIVE)).doesNotExist();
        ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout");
        assertThat(Releases.sharedKtxClasses(root ? ktx.runAs(NOBODY, "--version") : ktx.run("--version"))).isTrue();
    }

    /**
     * JDK 17 archives no class of a jar whose path must be escaped in a URL (a space, a letter beyond
     * ASCII): it records the jar's classes under the escaped name and then finds no such jar. In such a
     * folder ktx runs, its archive serves the JDK's classes only, and no run dumps it again and again.
     */
    @Test
    void aFolderWithASpaceRunsAndItsArchiveServesTheJdksClasses() throws Exception {
        Path home = Releases.unpack(shared.resolve("a folder with spaces"));
        KtxRun ktx = linkedRelease(home, "spaces");
        Path archive = home.resolve(StartupArchive.ARCHIVE);

        assertThat(ktx.run("runtime", "status").succeeds().out()).contains("status: missing");
        Releases.awaitNoDump(archive);
        var second = ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("runtime", "status").succeeds();

        assertThat(second.out().lines().filter(line -> line.contains(" java.lang.Object ")))
                .singleElement().asString().contains("shared objects file");
        assertThat(Releases.sharedKtxClasses(second)).as("a JDK 17 limitation; see the README").isFalse();
        assertThat(StartupArchive.lockOf(archive)).as("the JVM shares classes, so no dump starts again").doesNotExist();
    }

    /** A damaged archive costs one slow run: the JVM maps nothing from it, and ktx dumps a good one. */
    @Test
    void aDamagedArchiveNeitherStopsKtxNorStays() throws Exception {
        Path home = Releases.unpack(shared.resolve("damaged"));
        KtxRun ktx = linkedRelease(home, "damaged");
        Path archive = home.resolve(StartupArchive.ARCHIVE);
        Files.write(archive, new byte[4096]);

        var status = ktx.run("runtime", "status").succeeds();

        assertThat(status.out()).contains("status: missing");
        assertThat(status.err()).isEmpty();
        Releases.awaitNoDump(archive);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(Releases.sharedKtxClasses(ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("runtime", "status").succeeds()))
                .isTrue();
    }

    /** The folder moved after its archive was dumped: the archive belongs to the old place, and is replaced. */
    @Test
    void aMovedReleaseDumpsAnArchiveForItsNewPlace() throws Exception {
        Path before = Releases.unpack(shared.resolve("before-move"));
        KtxRun.with(before.resolve("bin/ktx"), shared.resolve("root-move")).env("JAVA_HOME", null)
                .env("PATH", noJava.toString()).run("--version").succeeds();
        Releases.awaitNoDump(before.resolve(StartupArchive.ARCHIVE));
        Path after = Files.move(before, shared.resolve("after-move"));
        KtxRun ktx = linkedRelease(after, "move");

        assertThat(Releases.sharedKtxClasses(ktx.env("KTX_JAVA_OPTS", "-Xlog:class+load:stdout").run("--version").succeeds()))
                .as("the archive of the old place maps nothing here").isFalse();
        Releases.awaitNoDump(after.resolve(StartupArchive.ARCHIVE));
        assertThat(Releases.sharedKtxClasses(ktx.run("--version").succeeds())).isTrue();
    }

    /**
     * jdeps names what ktx.jar needs; the runtime must hold all of it but java.desktop and java.management,
     * which only JLine's builtins and console engine use (ktx uses neither, and the smoke test runs every
     * command on this runtime).
     */
    @Test
    void theRuntimeHoldsEveryModuleJdepsNamesButJLinesUnusedOnes() throws Exception {
        Path home = Releases.unpack(shared.resolve("modules"));
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        String jar = home.resolve("lib/ktx.jar").toString();
        String needed = output(new ProcessBuilder(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps", jar)).trim();
        List<String> users = output(new ProcessBuilder(jdeps.toString(), "--ignore-missing-deps", "-verbose:class", jar))
                .lines().filter(line -> line.endsWith("java.desktop") || line.endsWith("java.management"))
                .filter(line -> line.startsWith("   ")).map(line -> line.trim().split("\\s+")[0]).distinct().toList();

        java.util.Properties release = new java.util.Properties();
        try (var in = Files.newInputStream(home.resolve("runtime/release"))) {
            release.load(in);
        }
        List<String> linked = List.of(release.getProperty("MODULES").replace("\"", "").split(" "));
        List<String> missing = new ArrayList<>(List.of(needed.split(",")));
        missing.removeAll(linked);
        assertThat(missing).containsExactlyInAnyOrder("java.desktop", "java.management");
        assertThat(users).isNotEmpty().allMatch(name -> name.startsWith("org.jline.builtins.") || name.startsWith("org.jline.console."));
    }

    /** Sorted, owned by root with no names, 0755 or 0644, one time, and a .sha256 that sha256sum accepts. */
    @Test
    void theArchiveIsPinnedAndItsChecksumChecks() throws Exception {
        Path archive = Releases.archive();
        assertThat(output(new ProcessBuilder("sha256sum", "-c", archive.getFileName() + ".sha256")
                .directory(archive.getParent().toFile()))).endsWith(": OK\n");

        ProcessBuilder tar = new ProcessBuilder("tar", "--numeric-owner", "--full-time", "-tvzf", archive.toString());
        tar.environment().put("TZ", "UTC");
        List<String> entries = output(tar).lines().toList();
        List<String> names = entries.stream().map(line -> line.split("\\s+")[5].replaceAll("/$", "")).toList();
        String top = "ktx-" + Distribution.version() + "/";
        assertThat(names).isSorted().contains(top + "bin/ktx", top + "runtime/bin/java", top + "lib/ktx.jar", top + "lib/ktx.classlist")
                .noneMatch(name -> name.endsWith(".jsa") || name.endsWith(".jsa.key") || name.endsWith(".cmd"));
        assertThat(entries).allMatch(line -> line.split("\\s+")[1].equals("0/0"), "owned by 0/0")
                .allMatch(line -> line.contains(" 2026-01-01 00:00:00 "), "dated by the build's outputTimestamp")
                .allMatch(line -> line.matches("^(drwxr-xr-x|-rwxr-xr-x|-rw-r--r--|lrwxrwxrwx) .*"), "with fixed modes");
    }

    /** What a tool printed on stdout; its stderr goes to the test's log, and it must exit 0. */
    private static String output(ProcessBuilder tool) throws Exception {
        Process process = tool.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit code of %s; stdout:%n%s", tool.command(), out).isZero();
        return out;
    }
}
