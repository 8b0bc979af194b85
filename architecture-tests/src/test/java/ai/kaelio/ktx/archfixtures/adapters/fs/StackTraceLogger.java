package ai.kaelio.ktx.archfixtures.adapters.fs;

/** Broken on purpose (onlyBootstrapAndCliOutputUseStandardStreams): printStackTrace() writes to System.err. */
final class StackTraceLogger {

    private StackTraceLogger() {
    }

    static void log(Exception e) {
        e.printStackTrace();
    }
}
