package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shape of both manifests (contract section 3). Unknown fields are ignored; missing or
 * mistyped ones fail with the field's name. Domain records add their own rules on construction.
 */
final class ManifestJson {

    private ManifestJson() {
    }

    static AssetManifest asset(JsonFields json) {
        JsonFields wheel = json.object("wheel");
        return new AssetManifest(
                json.integer("schemaVersion"),
                json.text("distributionName"),
                json.text("normalizedName"),
                json.text("version"),
                new AssetManifest.Wheel(wheel.text("file"), wheel.text("sha256"), wheel.longInteger("bytes")));
    }

    static InstalledManifest installed(JsonFields json) {
        int schemaVersion = json.integer("schemaVersion");
        if (schemaVersion != InstalledManifest.SCHEMA_VERSION) {
            throw new JsonShapeException("unsupported schemaVersion " + schemaVersion
                    + " (expected " + InstalledManifest.SCHEMA_VERSION + ")");
        }
        JsonFields python = json.object("python");
        return new InstalledManifest(
                schemaVersion,
                json.text("cliVersion"),
                json.instant("installedAt"),
                asset(json.object("asset")),
                features(json.texts("features")),
                new InstalledManifest.Executables(python.path("executable"), python.path("daemonExecutable")),
                json.path("installLog"),
                provisioner(json));
    }

    static FeatureSet features(List<String> ids) {
        if (ids.isEmpty()) {
            throw new JsonShapeException("field 'features' must not be empty");
        }
        for (String id : ids) {
            if (Feature.fromId(id).isEmpty()) {
                throw new JsonShapeException("field 'features' has unknown feature '" + abbreviate(id)
                        + "' (expected " + Feature.allIds() + ")");
            }
        }
        return FeatureSet.parse(ids);
    }

    /** Optional: manifests written before provisioners were recorded are still readable. */
    private static Optional<ProvisionerInfo> provisioner(JsonFields json) {
        if (!json.has("provisioner")) {
            return Optional.empty();
        }
        JsonFields provisioner = json.object("provisioner");
        return Optional.of(new ProvisionerInfo(provisioner.text("name"), provisioner.text("version")));
    }

    static Map<String, Object> toJson(AssetManifest asset) {
        Map<String, Object> node = JsonDocuments.object();
        node.put("schemaVersion", asset.schemaVersion());
        node.put("distributionName", asset.distributionName());
        node.put("normalizedName", asset.normalizedName());
        node.put("version", asset.version());
        Map<String, Object> wheel = JsonDocuments.object();
        node.put("wheel", wheel);
        wheel.put("file", asset.wheel().file());
        wheel.put("sha256", asset.wheel().sha256());
        wheel.put("bytes", asset.wheel().bytes());
        return node;
    }

    static Map<String, Object> toJson(InstalledManifest manifest) {
        Map<String, Object> node = JsonDocuments.object();
        node.put("schemaVersion", manifest.schemaVersion());
        node.put("cliVersion", manifest.cliVersion());
        node.put("installedAt", manifest.installedAt().toString());
        node.put("asset", toJson(manifest.asset()));
        node.put("features", manifest.features().ids());
        Map<String, Object> python = JsonDocuments.object();
        node.put("python", python);
        python.put("executable", manifest.python().executable().toString());
        python.put("daemonExecutable", manifest.python().daemonExecutable().toString());
        node.put("installLog", manifest.installLog().toString());
        manifest.provisioner().ifPresent(info -> {
            Map<String, Object> provisioner = JsonDocuments.object();
        node.put("provisioner", provisioner);
            provisioner.put("name", info.name());
            provisioner.put("version", info.version());
        });
        return node;
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
