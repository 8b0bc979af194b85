package ai.kaelio.ktx.adapters.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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
        if (failure instanceof AccessDeniedException denied) {
            return "Permission denied: " + denied.getFile() + ". Fix its permissions, " + ROOT_HINT + ".";
        }
        if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException
                || (failure instanceof FileSystemException fs && "Not a directory".equals(fs.getReason()))) {
            return "Cannot create a directory at " + ((FileSystemException) failure).getFile()
                    + ": a file is in the way. Remove it, " + ROOT_HINT + ".";
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
}
