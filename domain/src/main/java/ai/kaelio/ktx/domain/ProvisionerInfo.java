package ai.kaelio.ktx.domain;

/** Which tool built an environment, and its version, as recorded in the installed manifest. */
public record ProvisionerInfo(String name, String version) {
    public ProvisionerInfo {
        AssetManifest.requireText(name, "provisioner.name");
        AssetManifest.requireText(version, "provisioner.version");
    }
}
