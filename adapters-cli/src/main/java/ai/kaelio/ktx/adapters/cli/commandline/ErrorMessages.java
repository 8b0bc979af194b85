package ai.kaelio.ktx.adapters.cli.commandline;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/** Turns unexpected failures into one sentence a user can act on. */
final class ErrorMessages {

    private static final String ROOT_HINT = "or set KTX_RUNTIME_ROOT to a directory you can write";

    private ErrorMessages() {
    }

    /** File-system failures are explained fully by {@link #describe}; others may deserve a stack trace. */
    static boolean isExplained(Throwable failure) {
        return failure instanceof FileSystemException;
    }

    /** The failure that matters, beneath wrappers added by injection or reflection. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current
                && (isWrapper(current) || current.getMessage() == null)) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable failure) {
        String name = failure.getClass().getName();
        return name.startsWith("com.google.inject.") || failure instanceof java.lang.reflect.InvocationTargetException
                || failure instanceof java.io.UncheckedIOException || failure instanceof picocli.CommandLine.ExecutionException;
    }

    static String describe(Throwable failure) {
        if (failure instanceof FileSystemException fs && fs.getFile() == null) {
            String reason = fs.getReason();
            return (reason == null ? failure.getClass().getSimpleName() : reason) + ".";
        }
        if (failure instanceof AccessDeniedException denied) {
            return denied(Path.of(denied.getFile()));
        }
        // The system's reasons follow the locale ("Not a directory", "Ist kein Verzeichnis"): the paths tell.
        if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException) {
            Path wanted = Path.of(((FileSystemException) failure).getFile());
            return inTheWay(fileInTheWay(wanted).orElse(wanted));
        }
        if (failure.getClass() == FileSystemException.class) {
            FileSystemException plain = (FileSystemException) failure;
            Optional<Path> file = fileInTheWay(Path.of(plain.getFile()).toAbsolutePath().getParent());
            if (file.isPresent()) {
                return inTheWay(file.get());
            }
            Optional<String> directory = directoryInTheWay(plain);
            if (directory.isPresent()) {
                return directory.get() + " is a directory where ktx keeps a file. Remove it, " + ROOT_HINT + ".";
            }
        }
        if (failure instanceof NoSuchFileException missing) {
            return "No such file or directory: " + missing.getFile() + ".";
        }
        if (failure instanceof FileSystemException fileSystem) {
            String reason = fileSystem.getReason();
            return fileSystem.getFile() + ": " + (reason == null ? failure.getClass().getSimpleName() : reason) + ".";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "Unexpected " + failure.getClass().getSimpleName() + "." : message;
    }

    /** Denied on a file that is not there: the directory it was to be made in is what needs fixing. */
    private static String denied(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || file.getParent() == null) {
            return "Permission denied: " + file + ". Fix its permissions, " + ROOT_HINT + ".";
        }
        return "Permission denied: cannot create " + file + ". Fix the permissions of " + file.getParent() + ", " + ROOT_HINT + ".";
    }

    private static String inTheWay(Path file) {
        return file + " is a file where ktx needs a directory. Remove it, " + ROOT_HINT + ".";
    }

    /** The first part of {@code path}, from the top, that exists and is not a directory (say, a runtime root that is a file). */
    private static Optional<Path> fileInTheWay(Path path) {
        if (path == null) {
            return Optional.empty();
        }
        Path current = path.getRoot();
        for (Path part : path) {
            current = current == null ? part : current.resolve(part);
            if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(current)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    /** A directory where a file was to be written; a rename onto one names it second. */
    private static Optional<String> directoryInTheWay(FileSystemException failure) {
        String other = failure.getOtherFile();
        if (other != null && Files.isDirectory(Path.of(other), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(other);
        }
        return Files.isDirectory(Path.of(failure.getFile()), LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(failure.getFile()) : Optional.empty();
    }
}
