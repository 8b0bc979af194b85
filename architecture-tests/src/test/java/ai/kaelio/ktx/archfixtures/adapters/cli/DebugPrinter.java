package ai.kaelio.ktx.archfixtures.adapters.cli;

/** Broken on purpose (onlyBootstrapAndCliOutputUseStandardStreams): printing past the command's writers. */
final class DebugPrinter {

    private DebugPrinter() {
    }

    static void debug(String message) {
        System.out.println(message);
    }
}
