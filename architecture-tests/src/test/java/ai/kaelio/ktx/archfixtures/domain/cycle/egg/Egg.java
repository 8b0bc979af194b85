package ai.kaelio.ktx.archfixtures.domain.cycle.egg;

import ai.kaelio.ktx.archfixtures.domain.cycle.Chicken;

/** Broken on purpose (noCyclesBetweenPackages), with Chicken: two packages that need each other. */
public record Egg(Chicken mother) {
}
