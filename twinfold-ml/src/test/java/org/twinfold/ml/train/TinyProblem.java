package org.twinfold.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;
import org.twinfold.ml.DjlEngine;

/** A small regression network and data set, y = sin(2 x1) + 0.5 x2 on [-1, 1]^2, for loop tests. */
final class TinyProblem {
    static final int ROWS = 256;
    static final int BATCH = 32;

    final float[] inputs = new float[ROWS * 2];
    final float[] targets = new float[ROWS];

    TinyProblem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int row = 0; row < ROWS; row++) {
            float x1 = (float) random.nextDouble(-1, 1);
            float x2 = (float) random.nextDouble(-1, 1);
            inputs[2 * row] = x1;
            inputs[2 * row + 1] = x2;
            targets[row] = (float) (Math.sin(2 * x1) + 0.5 * x2);
        }
    }

    /** Returns a fresh 2-16-1 tanh network whose weights depend only on {@code seed}. */
    static Block newBlock(NDManager manager, int seed) {
        DjlEngine.start();
        Engine.getInstance().setRandomSeed(seed);
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(16).build())
                .add(Activation.tanhBlock())
                .add(Linear.builder().setUnits(1).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        return block;
    }

    BatchSupplier batches() {
        return context -> {
            float[] x = new float[BATCH * 2];
            float[] y = new float[BATCH];
            for (int i = 0; i < BATCH; i++) {
                int row = context.random().nextInt(ROWS);
                x[2 * i] = inputs[2 * row];
                x[2 * i + 1] = inputs[2 * row + 1];
                y[i] = targets[row];
            }
            NDManager manager = context.manager();
            return new NDList(manager.create(x, new Shape(BATCH, 2)), manager.create(y, new Shape(BATCH, 1)));
        };
    }

    static TrainingLoss meanSquaredError() {
        return (context, batch) -> {
            NDArray prediction = context.forward(new NDList(batch.get(0))).singletonOrThrow();
            return prediction.sub(batch.get(1)).square().mean();
        };
    }

    /** Returns all parameters of the block as one flat float array, in parameter order. */
    static float[] flatWeights(Block block) {
        java.util.List<Float> values = new java.util.ArrayList<>();
        for (NDArray array : NamedArrays.parametersOf(block).values()) {
            for (float value : array.toFloatArray()) {
                values.add(value);
            }
        }
        float[] flat = new float[values.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = values.get(i);
        }
        return flat;
    }
}
