package ai.kaelio.ktx.domain;

/** Where a daemon listens and the bearer token it expects. {@link #toString()} never shows the token. */
public record DaemonEndpoint(String host, int port, String token) {

    public DaemonEndpoint {
        AssetManifest.requireText(host, "host");
        AssetManifest.requireText(token, "token");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "DaemonEndpoint[" + url() + ", token=<redacted>]";
    }
}
