package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetManifestTest {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final String FILE = "kaelio_ktx-0.1.0-py3-none-any.whl";

    @Test
    void aWellFormedManifestIsAccepted() {
        AssetManifest manifest = new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel(FILE, SHA, 1234));

        assertThat(manifest.wheel().file()).isEqualTo(FILE);
        assertThat(manifest.wheel().bytes()).isEqualTo(1234);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "../x.whl", "a/b.whl", "a\\b.whl", ".whl", "C:x.whl", "x.zip", "x.whl.zip", "x.WHL", ".hidden.whl",
        "/x.whl", "x\n.whl", "x\u0000.whl", "",
    })
    void unsafeWheelFileNamesAreRejected(String file) {
        assertThatThrownBy(() -> new AssetManifest.Wheel(file, SHA, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unsafe runtime wheel filename in bundled manifest: " + file);
    }

    @Test
    void theSeedsTraversalExampleGetsTheContractSentence() {
        assertThatThrownBy(() -> new AssetManifest.Wheel("../x.whl", SHA, 1))
                .hasMessage("Unsafe runtime wheel filename in bundled manifest: ../x.whl");
    }

    @Test
    void aMissingWheelFileNameIsUnsafe() {
        assertThatThrownBy(() -> new AssetManifest.Wheel(null, SHA, 1))
                .hasMessage("Unsafe runtime wheel filename in bundled manifest: null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeff",
        "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void sha256MustBe64LowercaseHexCharacters(String sha256) {
        assertThatThrownBy(() -> new AssetManifest.Wheel(FILE, sha256, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wheel.sha256 must be 64 lowercase hex characters");
    }

    @Test
    void sizesCannotBeNegative() {
        assertThatThrownBy(() -> new AssetManifest.Wheel(FILE, SHA, -1))
                .hasMessage("wheel.bytes must not be negative");
        assertThat(new AssetManifest.Wheel(FILE, SHA, 0).bytes()).isZero();
    }

    @Test
    void onlySchemaVersionOneIsUnderstood() {
        assertThatThrownBy(() -> new AssetManifest(2, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel(FILE, SHA, 1)))
                .hasMessage("unsupported schemaVersion 2 (expected 1)");
    }

    @Test
    void namesAndVersionMustNotBeBlank() {
        AssetManifest.Wheel wheel = new AssetManifest.Wheel(FILE, SHA, 1);

        assertThatThrownBy(() -> new AssetManifest(1, " ", "kaelio_ktx", "0.1.0", wheel))
                .hasMessage("distributionName must be a non-empty string");
        assertThatThrownBy(() -> new AssetManifest(1, "kaelio-ktx", null, "0.1.0", wheel))
                .hasMessage("normalizedName must be a non-empty string");
        assertThatThrownBy(() -> new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "", wheel))
                .hasMessage("version must be a non-empty string");
        assertThatThrownBy(() -> new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "0.1.0", null))
                .isInstanceOf(NullPointerException.class);
    }
}
