package ai.kaelio.ktx.adapters.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Who can change a file: the unix mode and owner, read without following links. */
final class Ownership {

    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final Integer CURRENT_UID = currentUid();

    private Ownership() {
    }

    static boolean writableByOthers(Path path) {
        if (CURRENT_UID == null) {
            return false; // no unix attributes on this platform (Windows): nothing to check here
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            boolean everyoneWrites = (mode & OTHERS_WRITE) != 0 && (mode & STICKY) == 0;
            // root's files are trusted by everyone; anything else must be ours.
            return everyoneWrites || (owner != CURRENT_UID && owner != 0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The uid of this process; null where there are no unix users. */
    private static Integer currentUid() {
        try {
            return (int) new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
