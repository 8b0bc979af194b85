package ai.kaelio.ktx.archfixtures.adapters.cli;

import ai.kaelio.ktx.archfixtures.application.port.in.FetchObserver;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetRequest;
import ai.kaelio.ktx.archfixtures.application.port.in.FetchWidgetUseCase;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fetch")
final class FetchCommand implements Callable<Integer> {

    private final FetchWidgetUseCase fetch;

    @Parameters
    String name;

    @Inject
    FetchCommand(FetchWidgetUseCase fetch) {
        this.fetch = fetch;
    }

    @Override
    public Integer call() {
        return FetchOutput.print(fetch.fetch(new FetchWidgetRequest(name, new FetchObserver() {
        })));
    }
}
