package org.twinfold.ml.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Field;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.FieldEntry;
import org.twinfold.core.dataset.Json;
import org.twinfold.ml.SurrogateFamily;
import org.twinfold.ml.SurrogateOptions;
import org.twinfold.ml.TrainingMetadata;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.CheckpointStore;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.WarmupCosineSchedule;

/**
 * The diffusion family ({@code diffusion}): an EDM model of a task's one 2-D field, class-conditional
 * when the dataset has class labels, else conditioned on the normalized parameter vector. uint8 masks
 * are scaled to [-1, 1], float fields standardized ({@link FieldScaling}). The checkpoint's metadata
 * keeps the task, schema, conditioning and scaling, so {@link #load} needs nothing but the folder.
 *
 * <p>From the shared options it uses the steps, batch size, learning rate (Adam after a linear
 * warm-up over 5% of the steps, cosine decay to 1%), seed and checkpoint interval; the hidden widths,
 * an MLP setting, are ignored. Network and EDM settings come from {@link DiffusionOptions}; the
 * service-loaded instance uses their defaults (circular padding, for the periodic CPM lattice), with the
 * task's and the user's {@code diffusion.} settings over them ({@link DiffusionSettings}). With
 * {@code diffusion.guide-fraction} above 0, a guide model for autoguidance trains after the model, into
 * the checkpoint folder's {@code guide} sub-folder, and {@link #load} attaches it.
 */
public final class DiffusionFamily implements SurrogateFamily {
    private static final Logger LOG = LoggerFactory.getLogger(DiffusionFamily.class);
    private static final double WARMUP_FRACTION = 0.05;
    /** Sub-folder of the checkpoint folder that contains the guide model of autoguidance. */
    private static final String GUIDE_FOLDER = "guide";

    private final DiffusionOptions options;

    /** Uses the default {@link DiffusionOptions}. */
    public DiffusionFamily() {
        this(DiffusionOptions.builder().build());
    }

    public DiffusionFamily(DiffusionOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return DiffusionModel.FAMILY;
    }

    @Override
    public void checkSettings(Map<String, String> settings, Schema schema) {
        DiffusionOptions effective = DiffusionSettings.apply(options, settings);
        List<Integer> shape = singleImageField(schema).shape();
        DiffusionModel.requireFits(effective.unet(1, 0, 0), shape.get(0), shape.get(1));
    }

    /**
     * Compares the network, training and default sampler that the two maps give, over this family's
     * options. A recorded map that no longer parses (a key of an older version) matches only its own text.
     */
    @Override
    public boolean sameSettings(Map<String, String> recorded, Map<String, String> requested) {
        try {
            return DiffusionSettings.apply(options, recorded).equals(DiffusionSettings.apply(options, requested))
                    && DiffusionSettings.sampling(recorded).equals(DiffusionSettings.sampling(requested))
                    && DiffusionSettings.guideFraction(recorded) == DiffusionSettings.guideFraction(requested);
        } catch (IllegalArgumentException e) {
            return recorded.equals(requested);
        }
    }

    @Override
    public Optional<String> samplerOption(String key) {
        return DiffusionSettings.samplerOption(key);
    }

    @Override
    public double train(Task task, Dataset data, SurrogateOptions shared, Path checkpoints, TrainingListener listener)
            throws IOException {
        Field field = singleImageField(data.schema());
        Conditioning conditioning = Conditioning.of(data.manifest().parameters(), data.points());
        TrainingImages images = trainingImages(data, field, conditioning);
        Map<String, String> settings = shared.settingsFor(task, name());
        DiffusionOptions effective = DiffusionSettings.apply(options, settings);
        UNetConfig config = effective.unet(1, conditioning.classCount(), conditioning.parameterCount());

        ObjectNode metadata = metadata(task, data, conditioning, settings);
        DiffusionModel.train(images, config, effective, training(shared, shared.steps(), effective), shared.batchSize(),
                checkpoints, listener, metadata).close();
        double seconds = Checkpoint.read(checkpoints).state().trainingWallSeconds();

        double fraction = DiffusionSettings.guideFraction(settings);
        if (fraction > 0) {
            long guideSteps = Math.max(2, Math.round(shared.steps() * fraction));
            Path guide = checkpoints.resolve(GUIDE_FOLDER);
            if (trainedSteps(guide) >= guideSteps) {
                LOG.info("The guide model of autoguidance in {} has finished its {} steps", guide, guideSteps);
            } else {
                LOG.info("Training the guide model of autoguidance: the same network for {} steps, into {}",
                        guideSteps, guide);
            }
            listener.onPhase("guide");
            DiffusionModel.train(images, config, effective, training(shared, guideSteps, effective),
                    shared.batchSize(), guide, listener, metadata).close();
            seconds += Checkpoint.read(guide).state().trainingWallSeconds();
        }
        return seconds;
    }

    /** Returns the step of the newest checkpoint in {@code folder}, or 0 when it has none. */
    private static long trainedSteps(Path folder) throws IOException {
        if (CheckpointStore.latest(folder).isEmpty()) {
            return 0;
        }
        return Checkpoint.read(folder).state().step();
    }

    /** Returns the warm-up and cosine schedule of {@code steps} steps at the shared learning rate. */
    private static TrainingConfig training(SurrogateOptions shared, long steps, DiffusionOptions effective) {
        long warmup = Math.min(Math.max(1, Math.round(steps * WARMUP_FRACTION)), steps - 1);
        return TrainingConfig.builder()
                .setTotalSteps(steps)
                .setSeed(shared.seed())
                .setSchedule(new WarmupCosineSchedule(shared.learningRate(), warmup, steps,
                        shared.learningRate() * 0.01))
                .optEmaDecay(effective.emaDecay())
                .optCheckpointEvery(shared.checkpointEvery())
                .build();
    }

    /**
     * Returns the guide model's checkpoint folder inside a checkpoint folder, when training wrote one
     * ({@code diffusion.guide-fraction} above 0).
     */
    public static Optional<Path> guideFolder(Path checkpoints) {
        Path guide = checkpoints.resolve(GUIDE_FOLDER);
        return CheckpointStore.latest(guide).isPresent() ? Optional.of(guide) : Optional.empty();
    }

    /**
     * Loads the newest checkpoint, float32 on the CPU, with the sampler that its recorded settings give
     * ({@link DiffusionSettings#sampling}), or EDM's defaults when it records none.
     */
    @Override
    public DiffusionSurrogate load(Path checkpoints) throws IOException {
        JsonNode caller = Checkpoint.read(checkpoints).metadata().path("caller");
        SamplingOptions sampling = DiffusionSettings.sampling(TrainingMetadata.settings(caller).orElse(Map.of()));
        return load(checkpoints, sampling, ComputeOptions.cpu());
    }

    /** Loads the newest checkpoint with the given sampler, batch size, guidance, device and precision. */
    public DiffusionSurrogate load(Path checkpoints, SamplingOptions sampling, ComputeOptions compute)
            throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        JsonNode caller = checkpoint.metadata().path("caller");
        FieldEntry[] fields = Json.mapper().treeToValue(caller.get("fields"), FieldEntry[].class);
        Schema schema = new Schema(Arrays.stream(fields).map(FieldEntry::toField).toList());
        Conditioning conditioning = Conditioning.fromJson(caller.get("conditioning"));
        FieldScaling scaling = FieldScaling.fromJson(checkpoint.normalization());
        GeneratorInfo info = new GeneratorInfo("diffusion-surrogate", "1", Map.of(
                "task", caller.path("task").asText(),
                "checkpointStep", Long.toString(checkpoint.state().step()),
                "unet", checkpoint.metadata().path("unet").toString(),
                "sampler", sampling.toString()));
        DiffusionModel model = DiffusionModel.load(checkpoint.folder(), compute);
        DiffusionSurrogate surrogate = new DiffusionSurrogate(info, schema, conditioning, scaling, model, sampling);
        // NOTE: the guide is loaded even when the sampler's weight is 1, which leaves it unused.
        Optional<Path> guide = guideFolder(checkpoints);
        if (guide.isEmpty()) {
            return surrogate;
        }
        try {
            Path newest = Checkpoint.read(guide.get()).folder();
            return surrogate.withGuide(DiffusionModel.load(newest, compute), newest.toString());
        } catch (IOException | RuntimeException e) {
            surrogate.close();
            throw e;
        }
    }

    /** Returns the dataset's only field, which must be 2-D. */
    static Field singleImageField(Schema schema) {
        List<Field> fields = schema.fields();
        if (fields.size() != 1 || fields.get(0).shape().size() != 2) {
            throw new IllegalArgumentException("the diffusion surrogate learns one 2-D field, but the dataset has "
                    + "fields " + fields.stream().map(f -> f.name() + " " + f.shape()).toList()
                    + "; give it data with a single 2-D field (a preset that writes masks only, not one meant"
                    + " for 'simulate' alone) or choose another family with --family");
        }
        return fields.get(0);
    }

    static TrainingImages trainingImages(Dataset data, Field field, Conditioning conditioning) {
        var samples = data.readAll();
        return new TrainingImages(samples, field, FieldScaling.fit(field, samples),
                conditioning.conditions(data.points()));
    }

    private static ObjectNode metadata(Task task, Dataset data, Conditioning conditioning,
                                       Map<String, String> settings) {
        ObjectNode node = TrainingMetadata.of(task, data, settings);
        node.set("conditioning", conditioning.toJson());
        return node;
    }
}
