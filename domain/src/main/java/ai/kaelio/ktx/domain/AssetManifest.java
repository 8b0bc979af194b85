package ai.kaelio.ktx.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The bundled wheel's manifest ({@code assets/python/manifest.json}), validated on construction. */
public record AssetManifest(
        int schemaVersion, String distributionName, String normalizedName, String version, Wheel wheel) {

    public static final int SCHEMA_VERSION = 1;

    public AssetManifest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "unsupported schemaVersion " + schemaVersion + " (expected " + SCHEMA_VERSION + ")");
        }
        requireText(distributionName, "distributionName");
        requireText(normalizedName, "normalizedName");
        requireText(version, "version");
        Objects.requireNonNull(wheel, "wheel");
    }

    /** The wheel file, named by its bare file name so it can never point outside the asset directory. */
    public record Wheel(String file, String sha256, long bytes) {

        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Wheel {
            if (!isSafeFileName(file)) {
                throw new IllegalArgumentException("Unsafe runtime wheel filename in bundled manifest: " + file);
            }
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("wheel.sha256 must be 64 lowercase hex characters");
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("wheel.bytes must not be negative");
            }
        }

        static boolean isSafeFileName(String file) {
            return file != null
                    && file.endsWith(".whl")
                    && !file.startsWith(".")
                    && file.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20);
        }
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return value;
    }
}
