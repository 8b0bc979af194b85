package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the contract, built from domain values (field order as the contract lists them). */
final class RuntimeJson {

    private RuntimeJson() {
    }

    /** The environment paths are those of the installed manifest, or null while nothing is installed. */
    static Map<String, Object> layout(RuntimeLayout layout, Optional<EnvironmentLayout> environment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cliVersion", layout.cliVersion().value());
        json.put("runtimeRoot", layout.runtimeRoot());
        json.put("versionDir", layout.versionDir());
        json.put("venvDir", environment.map(EnvironmentLayout::venvDir).orElse(null));
        json.put("manifestPath", layout.manifestPath());
        json.put("installLogPath", layout.installLogPath());
        json.put("assetDir", layout.assetDir());
        json.put("assetManifestPath", layout.assetManifestPath());
        json.put("pythonPath", environment.map(EnvironmentLayout::pythonPath).orElse(null));
        json.put("daemonPath", environment.map(EnvironmentLayout::daemonPath).orElse(null));
        return json;
    }

    static Map<String, Object> status(RuntimeStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", status.kind().id());
        json.put("detail", status.detail());
        json.put("layout", layout(status.layout(), status.environment()));
        status.manifest().ifPresent(manifest -> json.put("manifest", manifest(manifest)));
        return json;
    }

    static Map<String, Object> manifest(InstalledManifest manifest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", manifest.schemaVersion());
        json.put("cliVersion", manifest.cliVersion());
        json.put("installedAt", manifest.installedAt().toString());
        json.put("asset", asset(manifest.asset()));
        json.put("features", manifest.features().ids());
        json.put("python", ordered("executable", manifest.python().executable(),
                "daemonExecutable", manifest.python().daemonExecutable()));
        json.put("installLog", manifest.installLog());
        manifest.provisioner().ifPresent(info -> json.put("provisioner",
                ordered("name", info.name(), "version", info.version())));
        return json;
    }

    static Map<String, Object> asset(AssetManifest asset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", asset.schemaVersion());
        json.put("distributionName", asset.distributionName());
        json.put("normalizedName", asset.normalizedName());
        json.put("version", asset.version());
        Map<String, Object> wheel = new LinkedHashMap<>();
        wheel.put("file", asset.wheel().file());
        wheel.put("sha256", asset.wheel().sha256());
        wheel.put("bytes", asset.wheel().bytes());
        json.put("wheel", wheel);
        return json;
    }

    static Map<String, Object> checks(List<DoctorCheck> checks) {
        return Map.of("checks", checks.stream().map(RuntimeJson::check).toList());
    }

    private static Map<String, Object> check(DoctorCheck check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", check.id());
        json.put("label", check.label());
        json.put("status", check.status().id());
        json.put("detail", check.detail());
        check.fix().ifPresent(fix -> json.put("fix", fix));
        return json;
    }

    static Map<String, Object> prune(PruneResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runtimeRoot", result.runtimeRoot());
        json.put("dryRun", result.dryRun());
        json.put(result.dryRun() ? "stale" : "removed", result.stale());
        json.put("kept", result.kept().stream().map(kept -> ordered("path", kept.path(), "reason", kept.reason())).toList());
        json.put("failed", result.failed().stream().map(failed -> ordered("path", failed.path(), "reason", failed.reason())).toList());
        return json;
    }

    private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key1, value1);
        json.put(key2, value2);
        return json;
    }
}
