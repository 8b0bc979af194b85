package ai.kaelio.ktx.archfixtures.application.port.in;

public interface FetchWidgetUseCase {
    FetchWidgetResult fetch(FetchWidgetRequest request);
}
