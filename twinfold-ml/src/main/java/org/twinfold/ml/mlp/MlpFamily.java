package org.twinfold.ml.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.FieldEntry;
import org.twinfold.core.dataset.Json;
import org.twinfold.core.Parameter;
import org.twinfold.ml.SurrogateFamily;
import org.twinfold.ml.SurrogateOptions;
import org.twinfold.ml.TrainingMetadata;
import org.twinfold.ml.train.Checkpoint;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;
import org.twinfold.ml.train.WarmupCosineSchedule;

/**
 * The MLP family: a deterministic surrogate from a task's parameter vector to its one floating-point
 * field, trained by mean squared error. The checkpoint's metadata keeps the task, schema and
 * parameter space, so {@link #load} needs nothing but the folder.
 */
public final class MlpFamily implements SurrogateFamily {
    /** Fraction of the steps spent warming the learning rate up. */
    private static final double WARMUP_FRACTION = 0.05;
    private static final double EMA_DECAY = 0.995;
    private static final double MAX_GRADIENT_NORM = 1.0;

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public double train(Task task, Dataset data, SurrogateOptions options, Path checkpoints,
                        TrainingListener listener) throws IOException {
        Field field = singleFloatField(data.schema());
        float[][] inputs = inputs(data.points());
        float[][] outputs = outputs(data.readAll(), field);
        ParameterSpace space = data.manifest().parameterSpace();

        MlpOptions mlpOptions = MlpOptions.builder()
                .optHiddenWidths(options.hiddenWidths())
                .optBatchSize(Math.min(options.batchSize(), inputs.length))
                .optInputRanges(space)
                .optMetadata(metadata(task, data, options.settingsFor(task, name())))
                .build();
        long warmup = Math.max(1, Math.round(options.steps() * WARMUP_FRACTION));
        TrainingConfig config = TrainingConfig.builder()
                .setTotalSteps(options.steps())
                .setSeed(options.seed())
                .setSchedule(new WarmupCosineSchedule(options.learningRate(), Math.min(warmup, options.steps() - 1),
                        options.steps(), options.learningRate() * 0.01))
                .optEmaDecay(EMA_DECAY)
                .optMaxGradientNorm(MAX_GRADIENT_NORM)
                .optCheckpointEvery(options.checkpointEvery())
                .build();

        MlpRegressor.train(inputs, outputs, mlpOptions, config, checkpoints, listener).close();
        return Checkpoint.read(checkpoints).state().trainingWallSeconds();
    }

    @Override
    public MlpSurrogate load(Path checkpoints) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        JsonNode caller = checkpoint.metadata().path("caller");
        FieldEntry[] fields = Json.mapper().treeToValue(caller.get("fields"), FieldEntry[].class);
        Parameter[] parameters = Json.mapper().treeToValue(caller.get("parameters"), Parameter[].class);
        Schema schema = new Schema(java.util.Arrays.stream(fields).map(FieldEntry::toField).toList());
        GeneratorInfo info = new GeneratorInfo("mlp-surrogate", "1", Map.of(
                "task", caller.path("task").asText(),
                "checkpointStep", Long.toString(checkpoint.state().step()),
                "architecture", checkpoint.metadata().path("architecture").toString()));
        return new MlpSurrogate(info, schema, new ParameterSpace(List.of(parameters), List.of()), MlpRegressor.load(checkpoints));
    }

    private static Field singleFloatField(Schema schema) {
        List<Field> fields = schema.fields();
        if (fields.size() != 1 || fields.get(0).type() != ElementType.FLOAT32) {
            throw new IllegalArgumentException("the mlp surrogate maps parameters to one float32 field, but the "
                    + "dataset has fields " + schema.names() + "; choose a surrogate family for this task");
        }
        return fields.get(0);
    }

    private static float[][] inputs(List<ParameterPoint> points) {
        float[][] inputs = new float[points.size()][];
        for (int i = 0; i < inputs.length; i++) {
            double[] values = points.get(i).values();
            inputs[i] = new float[values.length];
            for (int j = 0; j < values.length; j++) {
                inputs[i][j] = (float) values[j];
            }
        }
        return inputs;
    }

    private static float[][] outputs(SampleBatch batch, Field field) {
        int length = field.elementsPerSample();
        float[] flat = batch.floats(field.name());
        float[][] outputs = new float[batch.size()][length];
        for (int i = 0; i < outputs.length; i++) {
            System.arraycopy(flat, i * length, outputs[i], 0, length);
        }
        return outputs;
    }

    private static ObjectNode metadata(Task task, Dataset data, Map<String, String> settings) {
        ObjectNode node = TrainingMetadata.of(task, data, settings);
        node.set("parameters", Json.mapper().valueToTree(data.manifest().parameters()));
        return node;
    }
}
