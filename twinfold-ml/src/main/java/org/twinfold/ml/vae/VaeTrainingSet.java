package org.twinfold.ml.vae;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twinfold.ml.train.BatchSupplier;

/**
 * Training samples in network units, with the maps that produced them.
 *
 * @param values (n, d) flat, after {@link FieldPreprocessing#toNetworkInPlace}
 * @param conditions (n, p) flat, from {@link ParameterConditioning#conditions}
 * @param rows n
 * @param field the field map, saved with every checkpoint
 * @param conditioning the condition map, saved with every checkpoint
 */
public record VaeTrainingSet(float[] values, float[] conditions, int rows, FieldPreprocessing field,
                             ParameterConditioning conditioning) {

    public VaeTrainingSet {
        if (rows < 1) {
            throw new IllegalArgumentException("the VAE needs at least one training sample, got " + rows);
        }
        if (values.length != (long) rows * field.elements() || conditions.length != (long) rows * conditioning.size()) {
            throw new IllegalArgumentException(rows + " samples need " + (long) rows * field.elements()
                    + " field values and " + (long) rows * conditioning.size() + " conditions, got " + values.length
                    + " and " + conditions.length);
        }
    }

    /**
     * Returns a supplier that draws {@code batchSize} rows uniformly with replacement and standard
     * normal eps for the reparameterization, all from the step's random source, so that a resumed run
     * draws what an uninterrupted one would. The batch is (x (N, d), c (N, p), eps (N, L)).
     */
    BatchSupplier batches(int batchSize, int latentSize) {
        int d = field.elements();
        int p = conditioning.size();
        return context -> {
            SplittableRandom random = context.random();
            float[] x = new float[batchSize * d];
            float[] c = new float[batchSize * p];
            float[] eps = new float[batchSize * latentSize];
            for (int i = 0; i < batchSize; i++) {
                int row = random.nextInt(rows);
                System.arraycopy(values, row * d, x, i * d, d);
                System.arraycopy(conditions, row * p, c, i * p, p);
            }
            for (int k = 0; k < eps.length; k++) {
                eps[k] = (float) random.nextGaussian();
            }
            NDManager manager = context.manager();
            return new NDList(manager.create(x, new Shape(batchSize, d)), manager.create(c, new Shape(batchSize, p)),
                    manager.create(eps, new Shape(batchSize, latentSize)));
        };
    }
}
