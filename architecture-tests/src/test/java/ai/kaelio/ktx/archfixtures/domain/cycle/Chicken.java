package ai.kaelio.ktx.archfixtures.domain.cycle;

import ai.kaelio.ktx.archfixtures.domain.cycle.egg.Egg;

/** Broken on purpose (noCyclesBetweenPackages), with Egg: two packages that need each other. */
public record Chicken(Egg laid) {
}
