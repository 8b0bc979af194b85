package ai.kaelio.ktx.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Generated damage to a valid installed manifest: every way a file can be cut, flipped, mistyped or inflated. */
final class ManifestMutations {

    record Mutation(String kind, String name, byte[] content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestMutations() {
    }

    static List<Mutation> of(byte[] valid) throws Exception {
        List<Mutation> mutations = new ArrayList<>();
        truncations(valid, mutations);
        byteFlips(valid, mutations);
        structural(valid, mutations);
        hostile(mutations);
        return mutations;
    }

    private static void truncations(byte[] valid, List<Mutation> out) {
        for (int i = 0; i <= 20; i++) {
            int length = valid.length * i / 21;
            out.add(new Mutation("truncation", "first " + length + " bytes", java.util.Arrays.copyOf(valid, length)));
        }
    }

    private static void byteFlips(byte[] valid, List<Mutation> out) {
        Random random = new Random(42);
        for (int i = 0; i < 30; i++) {
            byte[] flipped = valid.clone();
            int position = random.nextInt(flipped.length);
            flipped[position] ^= (byte) (1 << random.nextInt(8));
            out.add(new Mutation("byte flip", "bit flip at " + position, flipped));
        }
    }

    private static void structural(byte[] valid, List<Mutation> out) throws Exception {
        ObjectNode original = (ObjectNode) JSON.readTree(valid);
        for (String path : List.of("schemaVersion", "cliVersion", "installedAt", "asset", "features", "python",
                "installLog", "provisioner", "asset.wheel", "asset.wheel.sha256", "asset.wheel.file", "python.executable",
                "python.daemonExecutable")) {
            out.add(edit(original, "missing key", "without " + path, node -> remove(node, path)));
        }
        List<JsonNode> wrongValues = List.of(JSON.getNodeFactory().numberNode(7), JSON.getNodeFactory().textNode("x"),
                JSON.getNodeFactory().booleanNode(true), JSON.getNodeFactory().nullNode(), JSON.createArrayNode(),
                JSON.createObjectNode());
        for (String key : List.of("schemaVersion", "cliVersion", "installedAt", "asset", "features", "python", "installLog")) {
            for (JsonNode value : wrongValues) {
                out.add(edit(original, "wrong type", key + " = " + value, node -> node.set(key, value)));
            }
        }
        for (String value : List.of("0", "2", "-1", "\"1\"", "1.5", "99999999999999999999")) {
            out.add(edit(original, "wrong schemaVersion", "schemaVersion " + value,
                    node -> node.set("schemaVersion", parse(value))));
        }
        out.add(edit(original, "bad value", "unknown feature", node -> node.putArray("features").add("core").add("gpu")));
        out.add(edit(original, "bad value", "no features", node -> node.putArray("features")));
        out.add(edit(original, "bad value", "other CLI version", node -> node.put("cliVersion", "9.9.9")));
        out.add(edit(original, "bad value", "other wheel", node -> ((ObjectNode) node.get("asset").get("wheel")).put("sha256", "0".repeat(64))));
        out.add(edit(original, "bad value", "python outside the runtime",
                node -> ((ObjectNode) node.get("python")).put("executable", "/usr/bin/python3")));
        out.add(edit(original, "bad value", "python escaping with ..",
                node -> ((ObjectNode) node.get("python")).put("executable",
                        node.get("python").get("executable").asText() + "/../../../../../../../usr/bin/python3")));
        out.add(edit(original, "bad value", "unsafe wheel name", node -> ((ObjectNode) node.get("asset").get("wheel")).put("file", "../../x.whl")));
        out.add(edit(original, "bad value", "date that is not a date", node -> node.put("installedAt", "yesterday")));
        out.add(edit(original, "harmless", "unknown extra field", node -> node.put("comment", "added by hand")));
        out.add(edit(original, "harmless", "reordered keys", node -> {
            JsonNode features = node.remove("features");
            node.set("features", features);
        }));
    }

    private static void hostile(List<Mutation> out) {
        out.add(new Mutation("empty", "empty file", new byte[0]));
        out.add(new Mutation("empty", "only whitespace", "   \n\t".getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("not json", "a JSON array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("not json", "a JSON string", "\"manifest\"".getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("not json", "NUL bytes", new byte[] {0, 0, 0, 0}));
        out.add(new Mutation("not json", "binary noise", noise(4096)));
        out.add(new Mutation("deep nesting", "1000 levels", nested(1_000)));
        out.add(new Mutation("deep nesting", "100000 levels", nested(100_000)));
        out.add(new Mutation("deep nesting", "100000 open brackets", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("huge", "10 MB string", ("{\"cliVersion\": \"" + "x".repeat(10_000_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("huge", "100 kB key", ("{\"" + "k".repeat(100_000) + "\": 1}").getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("huge", "5000-digit number", ("{\"schemaVersion\": " + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)));
        out.add(new Mutation("huge", "number with huge exponent", "{\"schemaVersion\": 1e999999999}".getBytes(StandardCharsets.UTF_8)));
    }

    private static Mutation edit(ObjectNode original, String kind, String name, Consumer<ObjectNode> change) throws Exception {
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        return new Mutation(kind, name, JSON.writeValueAsBytes(copy));
    }

    private static void remove(ObjectNode node, String dottedPath) {
        Iterator<String> parts = List.of(dottedPath.split("\\.")).iterator();
        ObjectNode current = node;
        while (parts.hasNext()) {
            String part = parts.next();
            if (!parts.hasNext()) {
                current.remove(part);
            } else {
                current = (ObjectNode) current.get(part);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static byte[] nested(int depth) {
        return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
