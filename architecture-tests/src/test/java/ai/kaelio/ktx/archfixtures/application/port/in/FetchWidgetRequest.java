package ai.kaelio.ktx.archfixtures.application.port.in;

public record FetchWidgetRequest(String name, FetchObserver observer) {
}
