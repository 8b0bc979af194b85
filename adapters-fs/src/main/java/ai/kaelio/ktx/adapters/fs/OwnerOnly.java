package ai.kaelio.ktx.adapters.fs;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Permissions for what only the user may read: files 0600 and directories 0700, given at creation so
 * there is no moment when they are readable by others. Where the file system has no POSIX permissions
 * (Windows), the user's profile directory is what protects them.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    static FileAttribute<?>[] file(Path path) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates the directory (and its parents) if needed and makes it the owner's alone; refuses a link in its place. */
    static void directory(Path directory) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (isPosix(directory)) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(directory);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Created concurrently; checked below like any existing one.
            }
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileSystemException(directory.toString(), null,
                    "not a directory (a link or file is in the way); remove it");
        }
        if (isPosix(directory)) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
    }

    private static boolean isPosix(Path path) {
        FileSystem fileSystem = path.getFileSystem();
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
