package ai.kaelio.ktx.archfixtures.adapters.cli;

import ai.kaelio.ktx.archfixtures.adapters.fs.FsModule;

/** Broken on purpose (adaptersDoNotDependOnEachOther): the CLI adapter reaching into the fs adapter. */
final class FsReachingCommand {

    Object module() {
        return new FsModule();
    }
}
