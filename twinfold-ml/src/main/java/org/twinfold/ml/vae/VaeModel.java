package org.twinfold.ml.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinfold.core.ParameterPoint;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.TrainingLoop;

/**
 * A trained {@link VaeNetwork} with the maps between field and network units. Training runs on the
 * shared {@link TrainingLoop} with {@link VaeLoss}. After training, and after {@link #load} of a
 * checkpoint, sampling uses the EMA weights when there are any.
 *
 * <p>Sampling: for sample i, z ~ N(0, I_L) drawn from {@code new SplittableRandom(seeds[i])}, the
 * decoder's output at (z, condition of point i) mapped back by {@link FieldPreprocessing}. No
 * autograd graph is recorded, because the parameters of a model ready for sampling do not require
 * gradients.
 *
 * <p>Checkpoint metadata: {@code family} = {@value #FAMILY}, {@code architecture} and the caller's
 * {@code caller} block; the normalization holds {@code field} and {@code conditioning}. Thread-safe:
 * {@link #sample} is synchronized. Close it to free the native memory.
 */
public final class VaeModel implements AutoCloseable {
    /** The {@code family} value written into checkpoint metadata. */
    public static final String FAMILY = "vae";

    private final VaeArchitecture architecture;
    private final FieldPreprocessing field;
    private final ParameterConditioning conditioning;
    private final NDManager manager;
    private final VaeNetwork network;

    private VaeModel(VaeArchitecture architecture, FieldPreprocessing field, ParameterConditioning conditioning,
                     NDManager manager, VaeNetwork network) {
        this.architecture = architecture;
        this.field = field;
        this.conditioning = conditioning;
        this.manager = manager;
        this.network = network;
        for (NDArray parameter : NamedArrays.parametersOf(network).values()) {
            parameter.setRequiresGradient(false);
        }
    }

    /**
     * Builds a network with weights from {@code training.seed()} and trains it, resuming from the
     * newest checkpoint in {@code checkpoints} when there is one.
     *
     * @param checkpoints where checkpoints go and training resumes from; null for none
     * @param caller metadata of the caller (task, schema, dataset), saved in every checkpoint
     */
    public static VaeModel train(VaeTrainingSet data, VaeOptions options, TrainingConfig training, int batchSize,
                                 Path checkpoints, TrainingListener listener, JsonNode caller) {
        VaeArchitecture architecture = new VaeArchitecture(data.field().elements(), data.conditioning().size(),
                options.latentSize(), options.hiddenWidths());
        long warmup = Math.round(training.totalSteps() * options.betaWarmupFraction());
        double beta = options.betaFor(architecture.fieldSize());
        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) training.seed());
            VaeNetwork network = VaeNetwork.create(architecture, manager);
            ObjectNode metadata = metadata(architecture, beta, options, caller);

            TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(network).setConfig(training)
                    .setLoss(new VaeLoss(beta, warmup, options.latentSize()))
                    .setBatches(data.batches(batchSize, options.latentSize()))
                    .optListener(listener).optNormalization(normalization(data.field(), data.conditioning()))
                    .optMetadata(metadata)
                    .optTrainer(VaeModel.class.getName(), Map.of("vae.architecture", architecture.toJson().toString(),
                            "vae.beta", Double.toString(beta),
                            "vae.betaWarmupSteps", Long.toString(warmup),
                            "vae.batchSize", Integer.toString(batchSize)));
            if (checkpoints != null) {
                builder.optCheckpointFolder(checkpoints);
            }
            try (TrainingLoop loop = builder.build()) {
                loop.run();
                loop.ema().ifPresent(average -> average.copyInto(loop.parameters()));
            }
            return new VaeModel(architecture, data.field(), data.conditioning(), manager, network);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds a model with weights drawn from {@code seed} and no training, for speed measurements
     * (the time of a forward pass does not depend on the weights).
     */
    public static VaeModel untrained(VaeArchitecture architecture, FieldPreprocessing field,
                                     ParameterConditioning conditioning, long seed) {
        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) seed);
            return new VaeModel(architecture, field, conditioning, manager, VaeNetwork.create(architecture, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Loads a model from a checkpoint folder, or the newest checkpoint in a folder of checkpoints,
     * with its EMA weights when it has them.
     *
     * @throws IllegalArgumentException when the checkpoint contains another family's model
     */
    public static VaeModel load(Path checkpoints) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        JsonNode metadata = checkpoint.metadata();
        String family = metadata.path("family").asText();
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " contains a '" + family
                    + "' model, not a VAE");
        }
        VaeArchitecture architecture = VaeArchitecture.fromJson(metadata.get("architecture"));
        FieldPreprocessing field = FieldPreprocessing.fromJson(checkpoint.normalization().get("field"));
        ParameterConditioning conditioning = ParameterConditioning.fromJson(
                checkpoint.normalization().get("conditioning"));

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            VaeNetwork network = VaeNetwork.create(architecture, manager);
            checkpoint.loadWeightsInto(NamedArrays.parametersOf(network), checkpoint.state().hasEma(), manager);
            return new VaeModel(architecture, field, conditioning, manager, network);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Generates one field per point, {@code batchSize} per decoder pass.
     *
     * @param points parameter points in the training units; each must be valid for the conditioning
     * @param seeds one seed per point
     * @return (n, d) flat fields in the training units
     */
    public synchronized float[] sample(List<ParameterPoint> points, long[] seeds, int batchSize) {
        if (seeds.length != points.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + seeds.length + " seeds; pass one seed"
                    + " per point");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sample batch size is " + batchSize + "; it must be at least 1");
        }
        int d = architecture.fieldSize();
        int p = architecture.conditionSize();
        int latent = architecture.latentSize();
        float[] fields = new float[points.size() * d];
        ParameterStore store = new ParameterStore(manager, false);

        for (int start = 0; start < points.size(); start += batchSize) {
            int end = Math.min(points.size(), start + batchSize);
            int count = end - start;
            List<ParameterPoint> slice = points.subList(start, end);
            float[] z = new float[count * latent];
            for (int i = 0; i < count; i++) {
                SplittableRandom random = new SplittableRandom(seeds[start + i]);
                for (int l = 0; l < latent; l++) {
                    z[i * latent + l] = (float) random.nextGaussian();
                }
            }
            float[] c = conditioning.conditions(slice);
            try (NDManager batch = manager.newSubManager()) {
                NDArray decoded = network.decode(store, batch.create(z, new Shape(count, latent)),
                        batch.create(c, new Shape(count, p)), false);
                System.arraycopy(decoded.toFloatArray(), 0, fields, start * d, count * d);
            }
            for (int i = 0; i < count; i++) {
                field.fromNetworkInPlace(fields, (start + i) * d, slice.get(i).values());
            }
        }
        return fields;
    }

    public VaeArchitecture architecture() {
        return architecture;
    }

    public FieldPreprocessing field() {
        return field;
    }

    public ParameterConditioning conditioning() {
        return conditioning;
    }

    /** Returns the network; its parameters stay owned by this model. */
    public VaeNetwork network() {
        return network;
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    static ObjectNode normalization(FieldPreprocessing field, ParameterConditioning conditioning) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("field", field.toJson());
        node.set("conditioning", conditioning.toJson());
        return node;
    }

    private static ObjectNode metadata(VaeArchitecture architecture, double beta, VaeOptions options,
                                       JsonNode caller) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("family", FAMILY);
        metadata.set("architecture", architecture.toJson());
        ObjectNode loss = metadata.putObject("loss");
        loss.put("beta", beta);
        loss.put("betaWarmupFraction", options.betaWarmupFraction());
        metadata.set("caller", caller == null ? JsonNodeFactory.instance.objectNode() : caller);
        return metadata;
    }
}
