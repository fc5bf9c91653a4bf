package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.twinfold.core.Field;
import org.twinfold.core.SampleBatch;
import org.twinfold.ml.train.BatchSupplier;

/**
 * The training set of a diffusion model: one 2-D field of a sample batch, read in network units
 * through a {@link FieldScaling} when a batch is drawn (so uint8 data stays one byte per site in
 * memory), with each sample's conditions.
 *
 * @param samples the samples
 * @param field the field to learn, shape [H, W]
 * @param scaling raw values to network units
 * @param conditions the condition of every sample
 */
public record TrainingImages(SampleBatch samples, Field field, FieldScaling scaling, ConditionBatch conditions) {

    public TrainingImages {
        if (field.shape().size() != 2) {
            throw new IllegalArgumentException("field '" + field.name() + "' has shape " + field.shape()
                    + "; the diffusion surrogate learns one 2-D field [H, W]");
        }
    }

    /** Returns the shape of one image in the network, (1, H, W). */
    public Shape imageShape() {
        return new Shape(1, field.shape().get(0), field.shape().get(1));
    }

    /**
     * Returns a supplier that draws {@code batchSize} samples uniformly with replacement from the
     * step's random source and drops each condition with probability {@code dropout} (for
     * classifier-free guidance), then transforms each image by {@code augmentation}. The batch is
     * (images (N, 1, H, W), condition inputs...).
     */
    BatchSupplier batches(UNetConfig config, int batchSize, double dropout, Augmentation augmentation) {
        int sites = field.elementsPerSample();
        String name = field.name();
        int height = field.shape().get(0);
        int width = field.shape().get(1);
        return context -> {
            float[] images = new float[batchSize * sites];
            float[] scratch = new float[sites];
            int[] rows = new int[batchSize];
            boolean[] dropped = new boolean[batchSize];
            for (int i = 0; i < batchSize; i++) {
                rows[i] = context.random().nextInt(samples.size());
                dropped[i] = dropout > 0 && context.random().nextDouble() < dropout;
                for (int j = 0; j < sites; j++) {
                    images[i * sites + j] = scaling.toNetwork(samples.value(name, rows[i], j));
                }
                augmentation.apply(images, i, 1, height, width, context.random(), scratch);
            }
            NDManager manager = context.manager();
            NDList batch = new NDList(manager.create(images, new Shape(batchSize).addAll(imageShape())));
            batch.addAll(select(rows).encode(manager, config, batchSize, dropped));
            return batch;
        };
    }

    private ConditionBatch select(int[] rows) {
        int[] labels = null;
        float[][] parameters = null;
        if (conditions.labels() != null) {
            labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = conditions.labels()[rows[i]];
            }
        }
        if (conditions.parameters() != null) {
            parameters = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                parameters[i] = conditions.parameters()[rows[i]];
            }
        }
        return new ConditionBatch(labels, parameters);
    }
}
