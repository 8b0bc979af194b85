package ai.kaelio.ktx.adapters.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** How a failed read of one of ktx's own files tells "there is none" from "it is there but unreadable". */
final class FileAbsence {

    private FileAbsence() {
    }

    /**
     * No such file, or a file where a folder of its path should be (a runtime root that is a file, say):
     * either way nothing can be there, so nothing is recorded, rather than something damaged.
     */
    static boolean means(Path path, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return true;
        }
        // The system's reason follows the locale ("Not a directory", "Ist kein Verzeichnis"): the path tells.
        return e.getClass() == FileSystemException.class && hasFileAmongParents(path);
    }

    private static boolean hasFileAmongParents(Path path) {
        for (Path parent = path.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)) {
                return true;
            }
        }
        return false;
    }

    /** "cannot read PATH (reason)", with the system's reason where it gave one. */
    static String unreadable(Path path, IOException e) {
        String reason = e instanceof FileSystemException failure && failure.getReason() != null
                ? failure.getReason() : e.getClass().getSimpleName();
        return "cannot read " + path + " (" + reason + ")";
    }
}
