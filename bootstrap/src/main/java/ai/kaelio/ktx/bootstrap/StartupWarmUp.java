package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.adapters.cli.CliModule;
import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.adapters.fs.FsWarmUp;

/**
 * Work for the second core while the main thread reads the version and builds the injector, in the order
 * the main thread will want it: the class path opened, what Guice meets for the first time in a JVM (see
 * {@link GuiceWarmUp}), a sample of picocli's model, then Jackson. Nothing here has effects beyond loaded
 * classes and filled caches, so a failure only means the main thread does that work itself.
 */
final class StartupWarmUp {

    /**
     * Every class comes from the class-data-sharing archive, so the first resource lookup is what opens
     * lib/ktx.jar and indexes its 5 000 entries (6 to 9 ms). Without this, java.util.logging's look for a
     * logger service, at the start of Guice's injector, is that lookup, on the main thread.
     */
    private static final String LOGGER_SERVICE = "META-INF/services/java.lang.System$LoggerFinder";

    private StartupWarmUp() {
    }

    static void start() {
        // A class, not a method reference: the JVM's first lambda readies its lambda machinery (~4 ms),
        // which this thread's own first lambda then does on the second core.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                StartupWarmUp.run();
            }
        }, "ktx-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The warm-up's work on the calling thread; {@link #start()} runs it on its own. */
    static void run() {
        try {
            StartupWarmUp.class.getClassLoader().getResource(LOGGER_SERVICE);
            GuiceWarmUp.run(ApplicationModule.class, CliModule.class);
            KtxCli.warmUp();
            FsWarmUp.run();
        } catch (Exception | LinkageError e) {
            // Optional work: the main thread does whatever is left.
        }
    }
}
