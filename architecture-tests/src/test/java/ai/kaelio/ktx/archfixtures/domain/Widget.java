package ai.kaelio.ktx.archfixtures.domain;

public record Widget(String name) {
}
