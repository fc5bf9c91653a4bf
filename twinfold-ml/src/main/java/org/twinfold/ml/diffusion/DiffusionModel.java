package org.twinfold.ml.diffusion;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.TrainingLoop;

/**
 * An EDM diffusion model: a {@link UNet} behind {@link EdmPreconditioning}, trained with
 * {@link EdmLoss} by the shared {@link TrainingLoop} and sampled with the {@link HeunSampler}. After
 * training with EMA on, and after {@link #load} of a checkpoint with EMA weights, sampling uses the
 * EMA weights.
 *
 * <p>Checkpoint metadata: {@code family} = {@value #FAMILY}, {@code unet} (the structure),
 * {@code edm} (sigma_data, P_mean, P_std, label dropout), {@code imageShape} (C, H, W) and the
 * caller's {@code caller} block. Thread-safe: {@link #sample} is synchronized. Close it to free the
 * native memory.
 */
public final class DiffusionModel implements AutoCloseable {
    /** The {@code family} value written into checkpoint metadata. */
    public static final String FAMILY = "diffusion";

    private final UNetConfig config;
    private final EdmPreconditioning preconditioning;
    private final Shape imageShape;
    private final DataType precision;
    private final NDManager manager;
    private final UNet network;
    /** Probability with which training dropped a sample's condition; 0 leaves no unconditional model. */
    private final double labelDropout;

    private DiffusionModel(UNetConfig config, EdmPreconditioning preconditioning, Shape imageShape,
                           DataType precision, NDManager manager, UNet network, double labelDropout) {
        this.config = config;
        this.labelDropout = labelDropout;
        this.preconditioning = preconditioning;
        this.imageShape = imageShape;
        this.precision = precision;
        this.manager = manager;
        this.network = network;
    }

    /**
     * Builds a network with weights from {@code training.seed()} and trains it on {@code images}.
     *
     * @param checkpoints where checkpoints go and training resumes from; null for none
     * @param caller metadata of the caller (task, schema, dataset), saved in every checkpoint
     */
    public static DiffusionModel train(TrainingImages images, UNetConfig config, DiffusionOptions options,
                                       TrainingConfig training, int batchSize, Path checkpoints,
                                       TrainingListener listener, JsonNode caller) {
        requireFits(config, images.imageShape().get(1), images.imageShape().get(2));
        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            Engine.getInstance().setRandomSeed((int) training.seed());
            UNet network = UNet.create(config, manager);
            EdmPreconditioning preconditioning = new EdmPreconditioning(options.sigmaData());
            ObjectNode metadata = metadata(config, options, images.imageShape(), caller);

            TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(network).setConfig(training)
                    .setLoss(new EdmLoss(preconditioning, options.noiseLevels(), config.selfCondition()))
                    .setBatches(images.batches(config, batchSize, options.labelDropout(), options.augmentation()))
                    .optListener(listener).optNormalization(images.scaling().toJson()).optMetadata(metadata)
                    .optTrainer(DiffusionModel.class.getName(), Map.of("diffusion.unet", config.toJson().toString(),
                            "diffusion.edm", metadata.get("edm").toString(),
                            "diffusion.batchSize", Integer.toString(batchSize)));
            if (checkpoints != null) {
                builder.optCheckpointFolder(checkpoints);
            }
            try (TrainingLoop loop = builder.build()) {
                loop.run();
                loop.ema().ifPresent(average -> average.copyInto(loop.parameters()));
            }
            return new DiffusionModel(config, preconditioning, images.imageShape(), DataType.FLOAT32, manager, network,
                    options.labelDropout());
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
    public static DiffusionModel load(Path checkpoints, ComputeOptions compute) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        JsonNode metadata = checkpoint.metadata();
        String family = metadata.path("family").asText();
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint.folder() + " contains a '" + family
                    + "' model, not a diffusion model");
        }
        UNetConfig config = UNetConfig.fromJson(metadata.get("unet"));
        EdmPreconditioning preconditioning = new EdmPreconditioning(metadata.get("edm").get("sigmaData").asDouble());
        JsonNode shape = metadata.get("imageShape");
        Shape imageShape = new Shape(shape.get(0).asLong(), shape.get(1).asLong(), shape.get(2).asLong());

        DjlEngine.start();
        NDManager manager = NDManager.newBaseManager(compute.device());
        try {
            UNet network = UNet.create(config, manager);
            Map<String, NDArray> parameters = NamedArrays.parametersOf(network);
            checkpoint.loadWeightsInto(parameters, checkpoint.state().hasEma(), manager);
            NamedArrays.freeze(parameters);
            if (compute.precision() != DataType.FLOAT32) {
                network.cast(compute.precision());
            }
            return new DiffusionModel(config, preconditioning, imageShape, compute.precision(), manager, network,
                    metadata.get("edm").path("labelDropout").asDouble(0));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Generates one image per seed, {@code options.batchSize()} at a time. Image i depends only on
     * {@code seeds[i]} and its condition (see {@link SampleNoise} for the rounding caveat).
     *
     * @param conditions one condition per seed, as the network was trained
     * @return images in network units, flat (N, C, H, W)
     */
    public float[] sample(ConditionBatch conditions, long[] seeds, SamplingOptions options) {
        return sample(conditions, seeds, options, null);
    }

    /**
     * Generates as {@link #sample(ConditionBatch, long[], SamplingOptions)} does, guided by {@code guide}
     * when it is not null (see {@link AutoguidedDenoiser}); the guidance scale then weighs this model
     * against the guide instead of against the unconditional model. With
     * {@link SamplingOptions#unconditionalGuide()} the guide gets no condition.
     *
     * @param guide a weaker model of the same images and conditions, or null
     * @throws IllegalArgumentException when the guide generates other images or takes other conditions, or
     *     is to guide without a condition but was trained without label dropout
     */
    public float[] sample(ConditionBatch conditions, long[] seeds, SamplingOptions options, DiffusionModel guide) {
        return sample(conditions, seeds, options, guide, fraction -> { });
    }

    /**
     * Generates as {@link #sample(ConditionBatch, long[], SamplingOptions, DiffusionModel)} does and passes
     * the fraction of the images done, from 0 to 1, to {@code progress} after each sampler step.
     */
    public synchronized float[] sample(ConditionBatch conditions, long[] seeds, SamplingOptions options,
                                       DiffusionModel guide, DoubleConsumer progress) {
        if (guide != null) {
            requireGuides(guide);
        }
        if (guide != null && options.unconditionalGuide() && !(guide.labelDropout > 0)) {
            throw new IllegalArgumentException("the guide model was trained without label dropout, so it has no"
                    + " unconditional form to guide with; sample with --guide-condition same");
        }
        if (conditions.size() >= 0 && conditions.size() != seeds.length) {
            throw new IllegalArgumentException(conditions.size() + " conditions but " + seeds.length
                    + " seeds; pass one seed per sample");
        }
        int perImage = Math.toIntExact(imageShape.size());
        float[] images = new float[seeds.length * perImage];
        HeunSampler sampler = new HeunSampler(options.sampler());
        ParameterStore store = new ParameterStore(manager, false);
        ParameterStore guideStore = guide == null ? null : new ParameterStore(guide.manager, false);

        for (int start = 0; start < seeds.length; start += options.batchSize()) {
            int end = Math.min(seeds.length, start + options.batchSize());
            int count = end - start;
            try (NDManager batch = manager.newSubManager()) {
                ConditionBatch slice = conditions.size() < 0 ? conditions : conditions.slice(start, end);
                NDList conditional = cast(slice.encode(batch, config, count, null));
                Denoiser denoiser;
                if (guide != null) {
                    SamplingOptions unguided = new SamplingOptions(options.sampler(), options.batchSize(), 1);
                    NDList guideConditions = cast(slice.encode(batch, guide.config, count,
                            options.unconditionalGuide() ? everyDropped(count) : null));
                    denoiser = new AutoguidedDenoiser(
                            new EdmDenoiser(network, store, preconditioning, conditional, null, unguided, batch),
                            new EdmDenoiser(guide.network, guideStore, guide.preconditioning, guideConditions, null,
                                    unguided, batch), options);
                } else {
                    NDList unconditional = null;
                    if (options.guidanceScale() != 1) {
                        unconditional = cast(slice.encode(batch, config, count, everyDropped(count)));
                    }
                    denoiser = new EdmDenoiser(network, store, preconditioning, conditional, unconditional, options,
                            batch);
                }
                int done = start;
                NDArray x = sampler.sample(castingDenoiser(denoiser), batch, imageShape,
                        Arrays.copyOfRange(seeds, start, end),
                        steps -> progress.accept((done + count * (double) steps / sampler.settings().steps())
                                / seeds.length));
                System.arraycopy(x.toType(DataType.FLOAT32, false).toFloatArray(), 0, images, start * perImage,
                        count * perImage);
            }
        }
        return images;
    }

    /** Returns a mask that drops the condition of each of {@code count} samples. */
    private static boolean[] everyDropped(int count) {
        boolean[] dropped = new boolean[count];
        Arrays.fill(dropped, true);
        return dropped;
    }

    public UNetConfig config() {
        return config;
    }

    public EdmPreconditioning preconditioning() {
        return preconditioning;
    }

    /** Returns the shape of one image, (C, H, W). */
    public Shape imageShape() {
        return imageShape;
    }

    /** Returns the network; its parameters stay owned by this model. */
    public UNet network() {
        return network;
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    private Denoiser castingDenoiser(Denoiser inner) {
        if (precision == DataType.FLOAT32) {
            return inner;
        }
        return (x, sigma) -> inner.denoise(x.toType(precision, false), sigma).toType(DataType.FLOAT32, false);
    }

    private NDList cast(NDList arrays) {
        if (precision == DataType.FLOAT32) {
            return arrays;
        }
        NDList cast = new NDList();
        arrays.forEach(a -> cast.add(a.toType(precision, false)));
        return cast;
    }

    /** Checks that {@code guide} generates the same images from the same conditions in the same precision. */
    void requireGuides(DiffusionModel guide) {
        if (!guide.imageShape.equals(imageShape) || guide.config.classCount() != config.classCount()
                || guide.config.parameterCount() != config.parameterCount()) {
            throw new IllegalArgumentException("the guide model generates " + guide.imageShape + " images from "
                    + guide.config.classCount() + " classes and " + guide.config.parameterCount() + " parameters, the"
                    + " main model " + imageShape + " images from " + config.classCount() + " classes and "
                    + config.parameterCount() + " parameters; train the guide on the same data");
        }
        if (guide.precision != precision) {
            throw new IllegalArgumentException("the guide model computes in " + guide.precision + " and the main"
                    + " model in " + precision + "; load both with the same precision");
        }
    }

    /** Checks that images of height x width fold into the config's patches and halve at every level. */
    static void requireFits(UNetConfig config, long height, long width) {
        int multiple = config.sizeMultiple();
        if (height % multiple != 0 || width % multiple != 0) {
            throw new IllegalArgumentException("images of " + height + " x " + width + " sites do not fit a U-Net"
                    + " with patches of " + config.patch() + " (diffusion.patch) and " + config.levels() + " levels"
                    + " (diffusion.channel-multipliers), which needs multiples of patch x 2^(levels - 1) = " + multiple
                    + "; choose a patch and a level count whose product divides the image sides");
        }
    }

    private static ObjectNode metadata(UNetConfig config, DiffusionOptions options, Shape imageShape,
                                       JsonNode caller) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("family", FAMILY);
        metadata.set("unet", config.toJson());
        ObjectNode edm = metadata.putObject("edm");
        edm.put("sigmaData", options.sigmaData());
        edm.put("pMean", options.noiseLevels().pMean());
        edm.put("pStd", options.noiseLevels().pStd());
        edm.put("labelDropout", options.labelDropout());
        edm.put("augmentation", options.augmentation().label());
        Arrays.stream(imageShape.getShape()).forEach(metadata.putArray("imageShape")::add);
        metadata.set("caller", caller == null ? JsonNodeFactory.instance.objectNode() : caller);
        return metadata;
    }
}
