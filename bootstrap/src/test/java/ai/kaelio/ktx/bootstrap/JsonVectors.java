package ai.kaelio.ktx.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

/** An embedding that {@code ktx embed} printed, a JSON array of numbers, read back as floats. */
final class JsonVectors {

    private JsonVectors() {
    }

    static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }
}
