package org.twinfold.ml.vae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.FieldEntry;
import org.twinfold.core.dataset.Json;
import org.twinfold.ml.SurrogateFamily;
import org.twinfold.ml.SurrogateOptions;
import org.twinfold.ml.TrainingMetadata;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.WarmupCosineSchedule;

/**
 * The VAE family ({@code vae}): a conditional variational autoencoder of a task's one float field
 * (any shape, flattened), conditioned on the task's continuous parameters in encoder and decoder.
 * The preprocessing comes from the task's surrogate settings ({@link VaeDataSettings}) and is saved
 * in the checkpoint, so {@link #load} needs nothing but the folder.
 *
 * <p>From the shared options it uses the steps, batch size, learning rate (Adam after a linear
 * warm-up over 5 % of the steps, cosine decay to 1 %), seed and checkpoint interval. The hidden
 * widths, an MLP setting, are ignored: the network comes from {@link VaeOptions}, whose defaults the
 * service-loaded instance uses.
 */
public final class VaeFamily implements SurrogateFamily {
    private static final double WARMUP_FRACTION = 0.05;
    private static final Logger LOG = LoggerFactory.getLogger(VaeFamily.class);

    private final VaeOptions options;

    /** Uses the default {@link VaeOptions}. */
    public VaeFamily() {
        this(VaeOptions.builder().build());
    }

    public VaeFamily(VaeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return VaeModel.FAMILY;
    }

    @Override
    public double train(Task task, Dataset data, SurrogateOptions shared, Path checkpoints, TrainingListener listener)
            throws IOException {
        Map<String, String> settings = shared.settingsFor(task, name());
        VaeTrainingSet set = trainingSet(data, settings);
        LOG.info("VAE on {} samples of {} values, conditions {}, transform {}, normalized by {}", set.rows(),
                set.field().elements(), set.conditioning().parameters().size(), set.field().transform().settingValue(),
                set.field().normalizeBy().orElse("nothing"));

        long warmup = Math.min(Math.max(1, Math.round(shared.steps() * WARMUP_FRACTION)), shared.steps() - 1);
        TrainingConfig training = TrainingConfig.builder()
                .setTotalSteps(shared.steps())
                .setSeed(shared.seed())
                .setSchedule(new WarmupCosineSchedule(shared.learningRate(), warmup, shared.steps(),
                        shared.learningRate() * 0.01))
                .optEmaDecay(options.emaDecay())
                .optMaxGradientNorm(options.maxGradientNorm())
                .optCheckpointEvery(shared.checkpointEvery())
                .build();

        VaeModel.train(set, options, training, shared.batchSize(), checkpoints, listener, metadata(task, data,
                settings))
                .close();
        return Checkpoint.read(checkpoints).state().trainingWallSeconds();
    }

    /** Loads the newest checkpoint, sampling in batches of this family's {@link VaeOptions#sampleBatchSize()}. */
    @Override
    public VaeSurrogate load(Path checkpoints) throws IOException {
        return load(checkpoints, options.sampleBatchSize());
    }

    /** Loads the newest checkpoint, sampling {@code sampleBatchSize} fields per decoder pass. */
    public VaeSurrogate load(Path checkpoints, int sampleBatchSize) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        JsonNode caller = checkpoint.metadata().path("caller");
        FieldEntry[] fields = Json.mapper().treeToValue(caller.get("fields"), FieldEntry[].class);
        Schema schema = new Schema(Arrays.stream(fields).map(FieldEntry::toField).toList());
        GeneratorInfo info = new GeneratorInfo("vae-surrogate", "1", Map.of(
                "task", caller.path("task").asText(),
                "checkpointStep", Long.toString(checkpoint.state().step()),
                "architecture", checkpoint.metadata().path("architecture").toString(),
                "sampleBatchSize", Integer.toString(sampleBatchSize)));
        return new VaeSurrogate(info, schema, VaeModel.load(checkpoint.folder()), sampleBatchSize);
    }

    /** Reads the dataset and maps it to network units with the task's settings. */
    static VaeTrainingSet trainingSet(Dataset data, Map<String, String> settings) {
        Field field = singleFloatField(data.schema());
        VaeDataSettings dataSettings = VaeDataSettings.of(settings, data.manifest());
        List<ParameterPoint> points = data.points();
        double[][] rows = new double[points.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = points.get(i).values();
        }
        float[] values = floatValues(data.readAll(), field);

        ParameterConditioning conditioning = ParameterConditioning.fit(data.manifest().parameters(), rows,
                dataSettings.logParameters());
        FieldPreprocessing preprocessing = FieldPreprocessing.fit(values, field.elementsPerSample(), rows,
                data.manifest().parameters(), dataSettings);
        preprocessing.toNetworkInPlace(values, rows);
        return new VaeTrainingSet(values, conditioning.conditions(rows), rows.length, preprocessing, conditioning);
    }

    /** Returns the dataset's only field, which must be float32 or float64. */
    static Field singleFloatField(Schema schema) {
        List<Field> fields = schema.fields();
        boolean floating = fields.size() == 1
                && (fields.get(0).type() == ElementType.FLOAT32 || fields.get(0).type() == ElementType.FLOAT64);
        if (!floating) {
            throw new IllegalArgumentException("the vae surrogate learns one float32 or float64 field, but the dataset"
                    + " has fields " + fields.stream().map(f -> f.name() + " " + f.type().numpyName()).toList()
                    + "; choose a surrogate family for this task");
        }
        return fields.get(0);
    }

    /**
     * Returns the field's values as float32. The array of a float32 field is the one {@link
     * Dataset#readAll} just read, which nothing else references, so it is changed in place later.
     */
    private static float[] floatValues(SampleBatch batch, Field field) {
        if (field.type() == ElementType.FLOAT32) {
            return batch.floats(field.name());
        }
        double[] doubles = batch.doubles(field.name());
        float[] values = new float[doubles.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) doubles[i];
        }
        return values;
    }

    private static ObjectNode metadata(Task task, Dataset data, Map<String, String> settings) {
        ObjectNode node = TrainingMetadata.of(task, data, settings);
        node.set("parameters", Json.mapper().valueToTree(data.manifest().parameters()));
        return node;
    }
}
