package ai.kaelio.ktx.archfixtures.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Broken on purpose (domainDependsOnlyOnItselfAndTheJdk): the file format leaking into the model. */
public record JsonWidget(JsonNode raw) {
}
