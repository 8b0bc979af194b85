package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.domain.FeatureSet;

/** The {@code ktx runtime install} that gets a command what it needs, as the CLI's sentences name it. */
final class InstallCommandLine {

    private InstallCommandLine() {
    }

    /** Names the features asked for beyond core, because a plain {@code install --yes} would not add them. */
    static String of(FeatureSet requested) {
        StringBuilder command = new StringBuilder("ktx runtime install");
        requested.extras().forEach(feature -> command.append(" --feature ").append(feature.id()));
        return command.append(" --yes").toString();
    }

    /** Builds the runtime again, even where its manifest says it is ready. */
    static String forced() {
        return "ktx runtime install --force --yes";
    }
}
