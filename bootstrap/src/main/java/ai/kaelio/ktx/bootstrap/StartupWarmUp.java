package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.adapters.fs.FsWarmUp;

/**
 * Work for the second core while the main thread builds the injector (~85 ms of a 0.17 s status):
 * a sample of picocli's model, then Jackson. Nothing here has effects beyond
 * loaded classes and filled caches, so a failure only means the main thread does that work itself.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(StartupWarmUp::run, "ktx-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            KtxCli.warmUp();
            FsWarmUp.run();
        } catch (Exception | LinkageError e) {
            // Optional work: the main thread does whatever is left.
        }
    }
}
