package ai.kaelio.ktx.archfixtures.adapters.cli;

import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetResult;

final class FetchOutput {

    private FetchOutput() {
    }

    static int print(FetchWidgetResult result) {
        if (result instanceof FetchWidgetResult.Found found) {
            System.out.println(found.widget().name());
            return 0;
        }
        System.err.println(((FetchWidgetResult.Missing) result).reason());
        return 1;
    }
}
