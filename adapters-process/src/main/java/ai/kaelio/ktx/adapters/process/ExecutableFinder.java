package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds executables the way a shell would, by searching PATH, without starting anything. */
final class ExecutableFinder {

    private static final List<String> WINDOWS_EXTENSIONS = List.of(".exe", ".cmd", ".bat", "");

    private final HostEnvironment host;

    @Inject
    ExecutableFinder(HostEnvironment host) {
        this.host = host;
    }

    /** A name is searched on PATH; anything with a directory part is taken as a path. */
    Optional<Path> find(String nameOrPath) {
        return find(nameOrPath, pathDirectories());
    }

    /** A name is searched in {@code directories}, in order; anything with a directory part is taken as a path. */
    Optional<Path> find(String nameOrPath, List<Path> directories) {
        try {
            if (isPath(nameOrPath)) {
                Path path = Path.of(nameOrPath).toAbsolutePath();
                return isExecutable(path) ? Optional.of(path) : Optional.empty();
            }
            for (Path directory : directories) {
                for (String extension : extensions()) {
                    Path candidate = directory.resolve(nameOrPath + extension).toAbsolutePath();
                    if (isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Why a path that exists is not run, as a shell would refuse it (exit 126), or empty when
     * {@code nameOrPath} is a bare name or names nothing (not found, 127).
     */
    Optional<String> whyNotRunnable(String nameOrPath) {
        if (!isPath(nameOrPath)) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(nameOrPath).toAbsolutePath();
            if (Files.isDirectory(path)) {
                return Optional.of("Is a directory");
            }
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                return Optional.of("Permission denied");
            }
            return isExecutable(path) ? Optional.empty() : Optional.of("Other users may write to it or to its folder");
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** With a directory part it names a file; without one, a program to search for. */
    private static boolean isPath(String nameOrPath) {
        return nameOrPath.contains("/") || nameOrPath.contains(File.separator);
    }

    /** The host's PATH, in order, without empty entries (which would silently mean the working directory). */
    private List<Path> pathDirectories() {
        return directories(List.of(host.variable("PATH").orElse("").split(File.pathSeparator)));
    }

    /** Entries of a search path as directories, skipping empty and malformed ones, which find nothing for a shell either. */
    static List<Path> directories(List<String> entries) {
        List<Path> directories = new ArrayList<>();
        for (String entry : entries) {
            try {
                if (!entry.isEmpty()) {
                    directories.add(Path.of(entry));
                }
            } catch (InvalidPathException e) {
                // Nothing is found there.
            }
        }
        return directories;
    }

    /** The first of several names found, in order. */
    Optional<Path> findFirst(List<String> names) {
        return names.stream().map(this::find).flatMap(Optional::stream).findFirst();
    }

    private List<String> extensions() {
        return host.platform() == Platform.WINDOWS ? WINDOWS_EXTENSIONS : List.of("");
    }

    /** Executable, and not in a place anyone may write to: such a file could be anyone's code. */
    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path)
                && !worldWritable(path) && !worldWritable(path.getParent());
    }

    private static boolean worldWritable(Path path) {
        if (path == null) {
            return false;
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & 0002) != 0 && (mode & 01000) == 0;
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
