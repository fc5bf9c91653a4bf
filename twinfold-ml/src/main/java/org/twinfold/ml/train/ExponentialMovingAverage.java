package org.twinfold.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential moving average of the weights, kept as separate arrays: after update t,
 * <pre>
 *   d_t      = min(decay, (1 + t) / (10 + t))
 *   shadow  &lt;- d_t * shadow + (1 - d_t) * theta
 * </pre>
 * The warm-up term {@code (1 + t) / (10 + t)} is the {@code num_updates} rule of TensorFlow's
 * {@code tf.train.ExponentialMovingAverage}: early updates move the average quickly, so it is usable
 * after a few hundred steps even with decay 0.999. The shadows start as copies of the initial weights.
 *
 * <p>For inference, {@link #copyInto} writes the averages into a network's parameters.
 * Not thread-safe.
 */
public final class ExponentialMovingAverage implements AutoCloseable {
    private final double decay;
    private final NDManager manager;
    private final Map<String, NDArray> shadows = new LinkedHashMap<>();

    /**
     * Copies the current weights as the starting averages, on a sub-manager of {@code parent}.
     *
     * @param decay the long-run decay, in (0, 1); 0.999 averages over roughly the last 1,000 updates
     */
    public ExponentialMovingAverage(double decay, Map<String, NDArray> parameters, NDManager parent) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay is " + decay + "; it must be in (0, 1), e.g. 0.999");
        }
        this.decay = decay;
        this.manager = parent.newSubManager();
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            NDArray copy = entry.getValue().duplicate();
            copy.attach(manager);
            NDScope.unregister(copy);
            shadows.put(entry.getKey(), copy);
        }
    }

    /** Returns the decay d_t used by update number {@code step} (1-based). */
    public double decayAt(long step) {
        return Math.min(decay, (1.0 + step) / (10.0 + step));
    }

    /** Moves every average towards the current weights, after optimizer update number {@code step}. */
    public void update(Map<String, NDArray> parameters, long step) {
        double d = decayAt(step);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> entry : shadows.entrySet()) {
                NDArray theta = parameters.get(entry.getKey());
                entry.getValue().muli(d).addi(theta.mul(1 - d));
            }
        }
    }

    /** Writes the averages into {@code parameters} in place (for inference or evaluation). */
    public void copyInto(Map<String, NDArray> parameters) {
        NamedArrays.copyInto(shadows, parameters, "EMA weights");
    }

    /** Returns the averaged weights, keyed by parameter name; live arrays, read-only by contract. */
    public Map<String, NDArray> shadows() {
        return Collections.unmodifiableMap(shadows);
    }

    public double decay() {
        return decay;
    }

    public void save(Path file) throws IOException {
        NamedArrays.write(shadows, file);
    }

    /** Replaces the averages with those saved in {@code file}. */
    public void restore(Path file) throws IOException {
        try (NDManager readManager = manager.newSubManager()) {
            NamedArrays.copyInto(NamedArrays.read(readManager, file), shadows, "EMA weights in " + file);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
