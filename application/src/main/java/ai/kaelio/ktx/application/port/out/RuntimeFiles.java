package ai.kaelio.ktx.application.port.out;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The file-system facts and changes the runtime needs. Nothing here follows a symbolic link unless it says so. */
public interface RuntimeFiles {

    /** True when the path leads (following links, as running it would) to a regular file. */
    boolean isRegularFile(Path path);

    /** When {@code path} is a symbolic link whose target does not exist, that target. */
    Optional<Path> danglingLinkTarget(Path path);

    /** The {@code home} directory that a virtual environment's {@code pyvenv.cfg} names, if readable. */
    Optional<Path> venvHome(Path venvDir);

    /** The entries directly in {@code directory}, sorted by name, typed without following links. */
    List<Entry> list(Path directory) throws IOException;

    EntryType typeOf(Path path);

    /**
     * True when someone other than this user could change what is at {@code path}: it belongs to another
     * user, or everyone may write to it (a directory with the sticky bit, like /tmp, excepted). A runtime
     * in such a place could be swapped for someone else's code, so it is never trusted.
     */
    boolean writableByOthers(Path path);

    void createDirectories(Path directory) throws IOException;

    /** Deletes a tree without following any symbolic link in it; a link is removed, never its target. */
    void deleteTree(Path path) throws IOException;

    /**
     * Renames a file in one step, replacing whatever file is at {@code target}; a link there is replaced,
     * never followed. Readers see the old file or the new one, never a mix or neither. A directory is renamed
     * the same way, onto a name that is free.
     */
    void rename(Path source, Path target) throws IOException;

    record Entry(Path path, EntryType type) {
        public String name() {
            return path.getFileName().toString();
        }
    }

    enum EntryType {
        DIRECTORY, FILE, SYMBOLIC_LINK, OTHER, MISSING
    }
}
