package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Removing a claimed environment in two steps. It is first renamed aside, in one step: a command that
 * arrives during the delete then finds nothing at the path the manifest named, instead of a half-deleted
 * environment whose lease file it could create and lease anew. An interrupted delete leaves only a
 * {@value #ASIDE_PREFIX} directory, which no manifest names and the next install removes.
 */
final class EnvironmentRemoval {

    static final String ASIDE_PREFIX = ".removing-";

    private EnvironmentRemoval() {
    }

    /** Where the environment now is: aside, or still in place if it could not be renamed (then it is deleted there). */
    static Path setAside(RuntimeFiles files, Path venvDir) {
        Path aside = venvDir.resolveSibling(ASIDE_PREFIX + venvDir.getFileName());
        try {
            files.rename(venvDir, aside);
            return aside;
        } catch (IOException e) {
            // Say Windows, which keeps a directory with an open file in place: deleting in place is what is left.
            return venvDir;
        }
    }

    /** An environment directory (a real one: a file or link of that name is no environment). */
    static boolean isEnvironment(RuntimeFiles.Entry entry) {
        return entry.name().startsWith(RuntimeLayout.ENVIRONMENT_PREFIX) && entry.type() == RuntimeFiles.EntryType.DIRECTORY;
    }

    /** A directory an interrupted removal left. */
    static boolean isSetAside(RuntimeFiles.Entry entry) {
        return entry.name().startsWith(ASIDE_PREFIX) && entry.type() == RuntimeFiles.EntryType.DIRECTORY;
    }
}
