package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.adapters.fs.FsWarmUp;

/**
 * Work for the second core while the main thread builds the injector (~85 ms of a 0.17 s status):
 * picocli's model of the commands this run reaches, then Jackson. Nothing here has effects beyond
 * loaded classes and filled caches, so a failure only means the main thread does that work itself.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start(String... args) {
        Thread thread = new Thread(() -> run(args), "ktx-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(String... args) {
        try {
            KtxCli.warmUp(args);
            FsWarmUp.run();
        } catch (Exception | LinkageError e) {
            // Optional work: the main thread does whatever is left.
        }
    }
}
