package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An in-memory tree of directories, files and symbolic links that keeps the port's promises as
 * {@code NioRuntimeFiles} does: only {@link #isRegularFile}, {@link #danglingLinkTarget} and
 * {@link #venvHome} follow links; {@link #list} and {@link #typeOf} never do; {@link #deleteTree}
 * removes a link, never its target, and ignores a missing path; {@link #rename} replaces a link at its
 * target, never what the link points to. Simplifications: paths are compared
 * after {@code normalize()}, and links are followed only as the last element of a path.
 */
public final class FakeRuntimeFiles implements RuntimeFiles {

    private static final int MAX_LINK_HOPS = 40;

    private sealed interface Node permits Directory, RegularFile, Link {
    }

    private record Directory() implements Node {
    }

    private record RegularFile(String content) implements Node {
    }

    private record Link(Path target) implements Node {
    }

    private final Map<Path, Node> nodes = new HashMap<>();
    private final Map<Path, IOException> deleteFailures = new HashMap<>();
    private final List<Path> deleted = new ArrayList<>();
    private final java.util.Set<Path> writableByOthers = new java.util.HashSet<>();
    private IOException createFailure;
    private IOException renameFailure;
    private Consumer<Path> beforeDelete = path -> { };

    // Arranging -------------------------------------------------------------------------------

    /** Marks a path as changeable by other users (foreign owner, or world-writable). */
    public synchronized FakeRuntimeFiles exposeToOthers(Path path) {
        writableByOthers.add(key(path));
        return this;
    }

    @Override
    public synchronized boolean writableByOthers(Path path) {
        return writableByOthers.contains(key(path));
    }

    public synchronized FakeRuntimeFiles directory(Path path) {
        try {
            makeDirectories(key(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public FakeRuntimeFiles file(Path path) {
        return file(path, "");
    }

    /** Creates (or replaces, with everything below it) a regular file, creating its parents. */
    public synchronized FakeRuntimeFiles file(Path path, String content) {
        place(key(path), new RegularFile(content));
        return this;
    }

    /** Creates (or replaces, with everything below it) a symbolic link; a relative target is resolved from its directory. */
    public synchronized FakeRuntimeFiles symlink(Path link, Path target) {
        place(key(link), new Link(target));
        return this;
    }

    /** Removes a path and everything below it, as an outside actor would, without recording a deletion. */
    public synchronized FakeRuntimeFiles remove(Path path) {
        Path key = key(path);
        nodes.keySet().removeIf(existing -> existing.startsWith(key));
        return this;
    }

    /** Makes {@link #deleteTree} of exactly this path fail with {@code failure}, deleting nothing. */
    public synchronized FakeRuntimeFiles failDeleting(Path path, IOException failure) {
        deleteFailures.put(key(path), failure);
        return this;
    }

    public synchronized FakeRuntimeFiles failCreatingDirectories(IOException failure) {
        createFailure = failure;
        return this;
    }

    /** Makes every {@link #rename} fail with {@code failure}, renaming nothing. */
    public synchronized FakeRuntimeFiles failRenaming(IOException failure) {
        renameFailure = failure;
        return this;
    }

    /** Runs before every {@link #deleteTree} call, e.g. to see which locks are held at that moment. */
    public synchronized FakeRuntimeFiles beforeDelete(Consumer<Path> hook) {
        beforeDelete = hook;
        return this;
    }

    // Observing -------------------------------------------------------------------------------

    /** Whether anything is at this path, without following a link. */
    public synchronized boolean exists(Path path) {
        return nodes.containsKey(key(path));
    }

    public synchronized Optional<String> content(Path path) {
        return resolve(path).map(nodes::get)
                .filter(RegularFile.class::isInstance)
                .map(node -> ((RegularFile) node).content());
    }

    /** Every path {@link #deleteTree} removed, in order. */
    public synchronized List<Path> deleted() {
        return List.copyOf(deleted);
    }

    // The port --------------------------------------------------------------------------------

    @Override
    public synchronized boolean isRegularFile(Path path) {
        return resolve(path).map(nodes::get).filter(RegularFile.class::isInstance).isPresent();
    }

    @Override
    public synchronized Optional<Path> danglingLinkTarget(Path path) {
        Path current = key(path);
        for (int hop = 0; hop < MAX_LINK_HOPS && nodes.get(current) instanceof Link link; hop++) {
            Path next = targetOf(current, link);
            if (!nodes.containsKey(next)) {
                return Optional.of(next);
            }
            current = next;
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Path> venvHome(Path venvDir) {
        Optional<String> config = content(venvDir.resolve("pyvenv.cfg"));
        if (config.isEmpty()) {
            return Optional.empty();
        }
        for (String line : config.get().lines().toList()) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).strip().equals("home")) {
                String home = line.substring(equals + 1).strip();
                return home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<Entry> list(Path directory) throws IOException {
        Path key = key(directory);
        Node node = nodes.get(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        return nodes.keySet().stream()
                .filter(path -> key.equals(path.getParent()))
                .map(path -> new Entry(directory.resolve(path.getFileName()), typeOf(path)))
                .sorted(Comparator.comparing(Entry::name))
                .toList();
    }

    @Override
    public synchronized EntryType typeOf(Path path) {
        Node node = nodes.get(key(path));
        if (node == null) {
            return EntryType.MISSING;
        }
        if (node instanceof Directory) {
            return EntryType.DIRECTORY;
        }
        return node instanceof Link ? EntryType.SYMBOLIC_LINK : EntryType.FILE;
    }

    @Override
    public synchronized void createDirectories(Path directory) throws IOException {
        if (createFailure != null) {
            throw createFailure;
        }
        makeDirectories(key(directory));
    }

    @Override
    public void deleteTree(Path path) throws IOException {
        Consumer<Path> hook;
        synchronized (this) {
            hook = beforeDelete;
        }
        hook.accept(path);
        synchronized (this) {
            Path key = key(path);
            if (key.getParent() == null) {
                throw new IOException("Refusing to delete a file-system root: " + path);
            }
            IOException failure = deleteFailures.get(key);
            if (failure != null) {
                throw failure;
            }
            Node node = nodes.get(key);
            if (node == null) {
                return;
            }
            if (node instanceof Directory) {
                nodes.keySet().removeIf(existing -> existing.startsWith(key));
            } else {
                nodes.remove(key);
            }
            deleted.add(path);
        }
    }

    @Override
    public synchronized void rename(Path source, Path target) throws IOException {
        if (renameFailure != null) {
            throw renameFailure;
        }
        Path from = key(source);
        Path to = key(target);
        Node node = nodes.get(from);
        if (node == null) {
            throw new java.nio.file.NoSuchFileException(source.toString());
        }
        if (nodes.get(to) instanceof Directory || !nodes.containsKey(to.getParent())) {
            throw new IOException("The fake renames into existing directories only, never onto one: " + source + " -> " + target);
        }
        if (node instanceof Directory) {
            // Its whole subtree moves along, as with rename(2).
            for (Path key : List.copyOf(nodes.keySet())) {
                if (key.startsWith(from)) {
                    nodes.put(to.resolve(from.relativize(key)), nodes.remove(key));
                }
            }
            return;
        }
        nodes.remove(from);
        nodes.put(to, node);
    }

    // Internals -------------------------------------------------------------------------------

    private void place(Path key, Node node) {
        Path parent = key.getParent();
        try {
            if (parent != null) {
                makeDirectories(parent);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        nodes.keySet().removeIf(existing -> existing.startsWith(key));
        nodes.put(key, node);
    }

    private void makeDirectories(Path key) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path current = key; current != null; current = current.getParent()) {
            missing.push(current);
        }
        for (Path current : missing) {
            Node node = nodes.get(current);
            if (node == null) {
                nodes.put(current, new Directory());
            } else if (!(node instanceof Directory)) {
                throw new FileAlreadyExistsException(current.toString(), null, "not a directory");
            }
        }
    }

    /** The non-link node a path leads to, following links at its last element. */
    private Optional<Path> resolve(Path path) {
        Path current = key(path);
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            Node node = nodes.get(current);
            if (node == null) {
                return Optional.empty();
            }
            if (!(node instanceof Link link)) {
                return Optional.of(current);
            }
            current = targetOf(current, link);
        }
        return Optional.empty();
    }

    private static Path targetOf(Path link, Link node) {
        Path parent = link.getParent();
        return parent == null ? node.target().normalize() : parent.resolve(node.target()).normalize();
    }

    private static Path key(Path path) {
        return path.normalize();
    }
}
