package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The runtime's file-system queries, with java.nio and without following links unless asked. */
final class NioRuntimeFiles implements RuntimeFiles {

    private static final int MAX_LINK_HOPS = 40;

    @Inject
    NioRuntimeFiles() {
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public Optional<Path> danglingLinkTarget(Path path) {
        Path current = path;
        for (int hop = 0; hop < MAX_LINK_HOPS && Files.isSymbolicLink(current); hop++) {
            Path next;
            try {
                Path target = Files.readSymbolicLink(current);
                Path parent = current.toAbsolutePath().getParent();
                next = parent == null ? target : parent.resolve(target).normalize();
            } catch (IOException e) {
                return Optional.empty();
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(next);
            }
            current = next;
        }
        return Optional.empty();
    }

    @Override
    public Optional<Path> venvHome(Path venvDir) {
        Path config = venvDir.resolve("pyvenv.cfg");
        try (BufferedReader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            String line;
            for (int count = 0; count < 200 && (line = reader.readLine()) != null; count++) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).strip().equals("home")) {
                    String home = line.substring(equals + 1).strip();
                    return home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No readable pyvenv.cfg: nothing to say about the base interpreter.
        }
        return Optional.empty();
    }

    @Override
    public List<Entry> list(Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                entries.add(new Entry(path, typeOf(path)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    @Override
    public EntryType typeOf(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(
                    path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return EntryType.SYMBOLIC_LINK;
            }
            if (attributes.isDirectory()) {
                return EntryType.DIRECTORY;
            }
            return attributes.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
        } catch (NoSuchFileException e) {
            return EntryType.MISSING;
        } catch (IOException e) {
            return EntryType.OTHER;
        }
    }

    @Override
    public boolean writableByOthers(Path path) {
        return Ownership.writableByOthers(path);
    }

    @Override
    public void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public void deleteTree(Path path) throws IOException {
        NoFollowDelete.deleteTree(path);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        // rename(2): atomic, and it replaces a link at the target rather than following it.
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
