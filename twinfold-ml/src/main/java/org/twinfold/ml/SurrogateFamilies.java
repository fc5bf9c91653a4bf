package org.twinfold.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.twinfold.ml.lstm.LstmOperator;
import org.twinfold.ml.train.Checkpoint;

/** Finds the registered {@link SurrogateFamily} implementations. */
public final class SurrogateFamilies {

    private SurrogateFamilies() {
    }

    public static List<SurrogateFamily> all() {
        List<SurrogateFamily> families = new ArrayList<>();
        ServiceLoader.load(SurrogateFamily.class).forEach(families::add);
        return families;
    }

    /**
     * Returns the family that wrote a checkpoint, named by the {@code family} key of its metadata.
     *
     * @throws IllegalArgumentException when the folder contains no checkpoint or one of an unknown family
     */
    public static SurrogateFamily forCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            throw new IllegalArgumentException("checkpoint folder " + checkpoints + " does not exist; train a "
                    + "surrogate with 'twinfold train' first");
        }
        String family = Checkpoint.read(checkpoints).metadata().path("family").asText();
        if (family.equals(LstmOperator.FAMILY)) {
            throw new IllegalArgumentException("checkpoint folder " + checkpoints + " contains an LSTM operator, which"
                    + " steps trajectories rather than drawing samples; 'twinfold run md-lstm --preset NAME --out DIR'"
                    + " rolls it out and evaluates it");
        }
        return byName(family);
    }

    /** Returns the family with this name, or throws listing the registered families. */
    public static SurrogateFamily byName(String name) {
        List<SurrogateFamily> families = all();
        return families.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown surrogate family '" + name
                        + "'; registered families are " + families.stream().map(SurrogateFamily::name).toList()));
    }
}
