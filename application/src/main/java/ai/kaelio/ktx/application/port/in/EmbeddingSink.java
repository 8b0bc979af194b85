package ai.kaelio.ktx.application.port.in;

import java.io.IOException;
import java.util.List;

/** Receives the vectors of consecutive texts, batch by batch, in input order. */
@FunctionalInterface
public interface EmbeddingSink {

    /** The vectors of the texts numbered {@code firstIndex} onwards (from 0), computed by {@code model}. */
    void accept(String model, long firstIndex, List<float[]> vectors) throws IOException;
}
