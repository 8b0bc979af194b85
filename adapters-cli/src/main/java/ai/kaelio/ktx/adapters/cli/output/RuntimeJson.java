package ai.kaelio.ktx.adapters.cli.output;

import static ai.kaelio.ktx.adapters.cli.output.JsonDocument.path;
import static ai.kaelio.ktx.adapters.cli.output.JsonDocument.strings;

import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The runtime's JSON shapes of the contract, written from domain values in the order the contract lists them. */
final class RuntimeJson {

    private RuntimeJson() {
    }

    /** The environment paths are those of the installed manifest, or null while nothing is installed. */
    static void layout(JsonGenerator json, RuntimeLayout layout, Optional<EnvironmentLayout> environment) throws IOException {
        json.writeObjectFieldStart("layout");
        json.writeStringField("cliVersion", layout.cliVersion().value());
        path(json, "runtimeRoot", layout.runtimeRoot());
        path(json, "versionDir", layout.versionDir());
        path(json, "venvDir", environment.map(EnvironmentLayout::venvDir).orElse(null));
        path(json, "manifestPath", layout.manifestPath());
        path(json, "installLogPath", layout.installLogPath());
        path(json, "assetDir", layout.assetDir());
        path(json, "assetManifestPath", layout.assetManifestPath());
        path(json, "pythonPath", environment.map(EnvironmentLayout::pythonPath).orElse(null));
        path(json, "daemonPath", environment.map(EnvironmentLayout::daemonPath).orElse(null));
        json.writeEndObject();
    }

    /** Status's fields, in the document the caller has opened. */
    static void status(JsonGenerator json, RuntimeStatus status) throws IOException {
        json.writeStringField("kind", status.kind().id());
        json.writeStringField("detail", status.detail());
        layout(json, status.layout(), status.environment());
        if (status.manifest().isPresent()) {
            manifest(json, status.manifest().get());
        }
    }

    static void manifest(JsonGenerator json, InstalledManifest manifest) throws IOException {
        json.writeObjectFieldStart("manifest");
        json.writeNumberField("schemaVersion", manifest.schemaVersion());
        json.writeStringField("cliVersion", manifest.cliVersion());
        json.writeStringField("installedAt", manifest.installedAt().toString());
        asset(json, manifest.asset());
        strings(json, "features", manifest.features().ids());
        json.writeObjectFieldStart("python");
        path(json, "executable", manifest.python().executable());
        path(json, "daemonExecutable", manifest.python().daemonExecutable());
        json.writeEndObject();
        path(json, "installLog", manifest.installLog());
        if (manifest.provisioner().isPresent()) {
            json.writeObjectFieldStart("provisioner");
            json.writeStringField("name", manifest.provisioner().get().name());
            json.writeStringField("version", manifest.provisioner().get().version());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void asset(JsonGenerator json, AssetManifest asset) throws IOException {
        json.writeObjectFieldStart("asset");
        json.writeNumberField("schemaVersion", asset.schemaVersion());
        json.writeStringField("distributionName", asset.distributionName());
        json.writeStringField("normalizedName", asset.normalizedName());
        json.writeStringField("version", asset.version());
        json.writeObjectFieldStart("wheel");
        json.writeStringField("file", asset.wheel().file());
        json.writeStringField("sha256", asset.wheel().sha256());
        json.writeNumberField("bytes", asset.wheel().bytes());
        json.writeEndObject();
        json.writeEndObject();
    }

    static void checks(JsonGenerator json, List<DoctorCheck> checks) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("checks");
        for (DoctorCheck check : checks) {
            json.writeStartObject();
            json.writeStringField("id", check.id());
            json.writeStringField("label", check.label());
            json.writeStringField("status", check.status().id());
            json.writeStringField("detail", DoctorWording.detail(check));
            Optional<String> fix = DoctorWording.fix(check);
            if (fix.isPresent()) {
                json.writeStringField("fix", fix.get());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void prune(JsonGenerator json, PruneResult result) throws IOException {
        json.writeStartObject();
        path(json, "runtimeRoot", result.runtimeRoot());
        json.writeBooleanField("dryRun", result.dryRun());
        json.writeArrayFieldStart(result.dryRun() ? "stale" : "removed");
        for (Path stale : result.stale()) {
            json.writeString(stale.toString());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("kept");
        for (PruneResult.Kept kept : result.kept()) {
            pathAndReason(json, kept.path(), kept.reason());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("failed");
        for (PruneResult.Failed failed : result.failed()) {
            pathAndReason(json, failed.path(), failed.reason());
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void pathAndReason(JsonGenerator json, Path path, String reason) throws IOException {
        json.writeStartObject();
        path(json, "path", path);
        json.writeStringField("reason", reason);
        json.writeEndObject();
    }
}
