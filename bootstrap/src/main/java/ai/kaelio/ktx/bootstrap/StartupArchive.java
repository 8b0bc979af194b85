package ai.kaelio.ktx.bootstrap;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ktx's class-data-sharing archive, {@code lib/ktx.jsa}: the JDK's classes and ktx's, parsed, verified and
 * ready to map, which makes a command several times cheaper to start. The JVM accepts it only from the JVM
 * that dumped it and with {@code lib/ktx.jar} at the path it had then; otherwise it silently shares
 * nothing. So the build dumps one for its own folder ({@link #main}), and a release archive, unpacked
 * anywhere, dumps its own on its first run there ({@link #refreshIfUnused}), where {@code bin/ktx} says:
 * in {@code lib/}, or in the user's cache when ktx cannot write there.
 */
final class StartupArchive {

    static final String ARCHIVE = "lib/ktx.jsa";
    /** Beside the archive, in the build's folder: where and for which JDK it was dumped (see {@code bin/ktx}). */
    static final String KEY = "lib/ktx.jsa.key";
    /** The classes the build's training run loaded (see {@link CdsTraining}), sorted: what the archive holds. */
    static final String CLASS_LIST = "lib/ktx.classlist";
    /** Set by {@code bin/ktx} on the bundled runtime only: where this place's archive is, or is to be. */
    static final String LOCATION_PROPERTY = "ktx.startup.archive";
    /**
     * Beside the archive, held while a dump runs; left behind by a failed one, so the next try waits
     * {@link #RETRY_AFTER}.
     */
    static final String LOCK_SUFFIX = ".lock";
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    /**
     * Runs the JVM that dumps, writes the archive aside and renames it into place, so a reader maps the old
     * archive or the new one and never half of one; frees the lock when all went well and otherwise keeps
     * it, dated now. Ignores hang-ups and Ctrl-C, whose ktx is gone, and runs at low priority. All of it in
     * a child of the shell, which ends at once: a JVM exits only after waiting up to 300 ms for its threads
     * in native code, and the thread that waits for a child process is one (measured: 330 ms more without).
     */
    private static final String DUMP_IN_THE_BACKGROUND = String.join("\n",
            "trap '' HUP INT",
            "lock=$1 temp=$2 archive=$3",
            "shift 3",
            "command -v nice >/dev/null 2>&1 && set -- nice -n 10 \"$@\"",
            "{",
            "  if \"$@\" && mv -f \"$temp\" \"$archive\"; then rm -f \"$lock\"; else rm -f \"$temp\"; touch \"$lock\"; fi",
            "} &");

    private StartupArchive() {
    }

    /**
     * The build's step: sorts the training's class list (its order follows thread timing, and the release
     * archive carries it, byte for byte the same in every build), dumps the archive with the JDK that runs
     * this, and writes the key that names that JDK and this folder.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path home = Path.of(args[0]).toRealPath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        sortClassList(home.resolve(CLASS_LIST));
        Path temp = temporaryBeside(home.resolve(ARCHIVE));
        Process dump = new ProcessBuilder(dumpCommand(java, home, temp)).inheritIO().start();
        if (dump.waitFor() != 0) {
            throw new IllegalStateException("The class-data-sharing dump failed with exit code " + dump.exitValue());
        }
        Files.move(temp, home.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(home.resolve(KEY), home + "\n" + java.toRealPath() + "\n");
    }

    /**
     * At the end of a command: when the bundled runtime shares no classes, this is a release archive's first
     * run at this place (or its archive is damaged, or from another ktx unpacked over this one), so a dump for
     * this place starts in the background, once, and the next commands start fast. Costs one property read
     * when the archive is in use, and never fails the command.
     */
    static void refreshIfUnused(Path home) {
        String location = System.getProperty(LOCATION_PROPERTY);
        if (location == null || System.getProperty("java.vm.info", "").contains("sharing")) {
            return;
        }
        try {
            Path archive = Path.of(location);
            if (Files.isRegularFile(home.resolve(CLASS_LIST))
                    && Files.isWritable(Files.createDirectories(archive.getParent())) && claim(lockOf(archive))) {
                startDump(home, archive, Path.of(System.getProperty("java.home"), "bin", "java"));
            }
        } catch (IOException | RuntimeException e) {
            // Without the archive ktx is slower, never wrong: the next command tries again once the lock is stale.
        }
    }

    static Path lockOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + LOCK_SUFFIX);
    }

    private static void startDump(Path home, Path archive, Path java) throws IOException {
        Path lock = lockOf(archive);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(archive.getParent(), archive.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        Path temp = temporaryBeside(archive);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", DUMP_IN_THE_BACKGROUND, "ktx-archive-dump",
                lock.toString(), temp.toString(), archive.toString()));
        command.addAll(dumpCommand(java, home, temp));
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            Files.deleteIfExists(lock);
            throw e;
        }
    }

    /**
     * A static archive of the class list, the JDK's classes with ktx's (about 45 ms less per command than a
     * dynamic archive on top of the JDK's own). The dump runs G1, which also archives heap objects that
     * JDK 17 maps only under G1; bin/ktx's SerialGC starts as fast without them (measured). Classes the list
     * names that exist only at run time (annotation proxies) draw a warning each, so the dump's log is off.
     */
    static List<String> dumpCommand(Path java, Path home, Path archive) {
        return List.of(java.toString(), "-Xshare:dump", "-XX:+UseG1GC",
                "-XX:SharedClassListFile=" + home.resolve(CLASS_LIST),
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off,cds+heap=off",
                "-cp", home.resolve("lib").resolve("ktx.jar").toString());
    }

    /** Takes the lock, or a lock whose dump failed or died long enough ago; false while a dump runs. */
    static boolean claim(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException held) {
            FileTime since = Files.getLastModifiedTime(lock);
            if (since.toInstant().isAfter(Instant.now().minus(RETRY_AFTER))) {
                return false;
            }
            Files.deleteIfExists(lock);
            try {
                Files.createFile(lock);
                return true;
            } catch (FileAlreadyExistsException another) {
                return false;
            }
        }
    }

    /**
     * The JVM lists classes in the order they loaded, which two threads decide; the dump loads each class
     * with its supertypes whatever the order, and resolves a lambda's call site once its class is in. Class
     * names first, then the lines that start with {@code @} (lambdas and method-handle shapes), each sorted.
     */
    static void sortClassList(Path classList) throws IOException {
        List<String> comments = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(classList)) {
            (line.startsWith("#") ? comments : entries).add(line);
        }
        entries.sort(Comparator.comparing((String line) -> line.startsWith("@")).thenComparing(Comparator.naturalOrder()));
        List<String> sorted = new ArrayList<>(comments);
        sorted.addAll(entries);
        Files.write(classList, sorted);
    }

    private static Path temporaryBeside(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }
}
