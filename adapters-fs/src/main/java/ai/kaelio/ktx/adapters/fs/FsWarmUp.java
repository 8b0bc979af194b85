package ai.kaelio.ktx.adapters.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Start-up work that needs no injector, for a spare core: Jackson's parser and generator, their classes
 * and symbol tables, and the ownership check's native user lookup and unix attribute views, so that the
 * first manifest and directory a command checks cost what the later ones do.
 */
public final class FsWarmUp {

    private static final byte[] SAMPLE = "{\"schemaVersion\": 1, \"features\": [\"core\"], \"sizeBytes\": 12345, \"ok\": true, \"none\": null}"
            .getBytes(StandardCharsets.UTF_8);

    private FsWarmUp() {
    }

    /** Parses and writes a small document and reads one directory's owner; throws only if Jackson cannot. */
    public static void run() throws IOException {
        Map<String, Object> document = JsonDocuments.object();
        document.put("sample", JsonDocuments.parse(SAMPLE));
        JsonDocuments.write(document);
        Ownership.writableByOthers(Path.of(System.getProperty("java.home")));
    }
}
