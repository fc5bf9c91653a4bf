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
 * Adam and AdamW with state that can be saved and restored, so a resumed run continues exactly.
 * DJL's built-in {@code ai.djl.training.optimizer.Adam} keeps its moments and step count private,
 * with no way to write or reload them, which makes an exact resume impossible; hence this class.
 *
 * <p>For each parameter theta with gradient g, at update t = 1, 2, ... with learning rate lr:
 * <pre>
 *   g     &lt;- g + lambda * theta                       (ADAM with weight decay lambda only)
 *   m     &lt;- beta1 * m + (1 - beta1) * g
 *   v     &lt;- beta2 * v + (1 - beta2) * g^2
 *   theta &lt;- theta * (1 - lr * lambda)                (ADAMW only)
 *   theta &lt;- theta - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 * (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, algorithm 1; Loshchilov
 * and Hutter, ICLR 2019, for the decoupled decay, in the form PyTorch's {@code AdamW} uses).
 * The moments m and v have the parameter's shape and are float32, like the parameters.
 *
 * <p>Not thread-safe: one training loop owns one optimizer.
 */
public final class AdamOptimizer implements AutoCloseable {
    private final AdamSettings settings;
    private final NDManager stateManager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long stepCount;

    /**
     * Creates zero moments for every parameter on a sub-manager of {@code parent}.
     *
     * @param parameters the parameters it will update, keyed by name
     */
    public AdamOptimizer(AdamSettings settings, Map<String, NDArray> parameters, NDManager parent) {
        this.settings = settings;
        this.stateManager = parent.newSubManager();
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            NDArray parameter = entry.getValue();
            NDArray first = stateManager.zeros(parameter.getShape(), parameter.getDataType());
            NDArray second = stateManager.zeros(parameter.getShape(), parameter.getDataType());
            NDScope.unregister(first, second);
            firstMoments.put(entry.getKey(), first);
            secondMoments.put(entry.getKey(), second);
        }
    }

    /**
     * Applies one update in place to every parameter.
     *
     * @param parameters live parameter arrays, keyed as at construction
     * @param gradients gradients of the loss with respect to each parameter, same keys and shapes
     * @param learningRate lr for this update, finite and positive
     */
    public void update(Map<String, NDArray> parameters, Map<String, NDArray> gradients, double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate is " + learningRate + "; it must be finite and positive");
        }
        stepCount++;
        double biasCorrection1 = 1 - Math.pow(settings.beta1(), stepCount);
        double biasCorrection2 = 1 - Math.pow(settings.beta2(), stepCount);

        // Every temporary of this update, including results of operations on the long-lived
        // parameters and moments, is closed with the scope; only in-place results survive.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                NDArray gradient = gradients.get(name);
                if (gradient == null) {
                    throw new IllegalArgumentException("no gradient for parameter '" + name + "'");
                }
                updateOne(entry.getValue(), gradient, firstMoments.get(name), secondMoments.get(name),
                        learningRate, biasCorrection1, biasCorrection2);
            }
        }
    }

    private void updateOne(NDArray theta, NDArray gradient, NDArray first, NDArray second, double learningRate,
            double biasCorrection1, double biasCorrection2) {
        double lambda = settings.weightDecay();
        NDArray g = gradient;
        if (settings.kind() == OptimizerKind.ADAM && lambda > 0) {
            g = gradient.add(theta.mul(lambda));
        }

        first.muli(settings.beta1()).addi(g.mul(1 - settings.beta1()));
        second.muli(settings.beta2()).addi(g.square().muli(1 - settings.beta2()));

        if (settings.kind() == OptimizerKind.ADAMW && lambda > 0) {
            theta.muli(1 - learningRate * lambda);
        }
        NDArray denominator = second.div(biasCorrection2).sqrt().addi(settings.epsilon());
        NDArray step = first.div(denominator).muli(learningRate / biasCorrection1);
        theta.subi(step);
    }

    /** Returns the number of updates applied so far, t in the bias corrections. */
    public long stepCount() {
        return stepCount;
    }

    public AdamSettings settings() {
        return settings;
    }

    /** Returns the first moments m, keyed by parameter name; live arrays, read-only by contract. */
    public Map<String, NDArray> firstMoments() {
        return Collections.unmodifiableMap(firstMoments);
    }

    /** Returns the second moments v, keyed by parameter name; live arrays, read-only by contract. */
    public Map<String, NDArray> secondMoments() {
        return Collections.unmodifiableMap(secondMoments);
    }

    /** Writes m and v to {@code file}; the step count is saved by the caller (see {@link #restore}). */
    public void save(Path file) throws IOException {
        Map<String, NDArray> all = new LinkedHashMap<>();
        firstMoments.forEach((name, array) -> all.put("m/" + name, array));
        secondMoments.forEach((name, array) -> all.put("v/" + name, array));
        NamedArrays.write(all, file);
    }

    /** Restores m and v from a file written by {@link #save} and sets the step count. */
    public void restore(Path file, long savedStepCount) throws IOException {
        if (savedStepCount < 0) {
            throw new IllegalArgumentException("saved optimizer step count is " + savedStepCount + "; it must be >= 0");
        }
        try (NDManager readManager = stateManager.newSubManager()) {
            Map<String, NDArray> all = NamedArrays.read(readManager, file);
            Map<String, NDArray> first = new LinkedHashMap<>();
            Map<String, NDArray> second = new LinkedHashMap<>();
            all.forEach((name, array) -> {
                if (name.startsWith("m/")) {
                    first.put(name.substring(2), array);
                } else if (name.startsWith("v/")) {
                    second.put(name.substring(2), array);
                } else {
                    throw new IllegalArgumentException("optimizer state " + file + " contains unknown array '" + name
                            + "'; expected names starting with m/ or v/");
                }
            });
            NamedArrays.copyInto(first, firstMoments, "optimizer first moments in " + file);
            NamedArrays.copyInto(second, secondMoments, "optimizer second moments in " + file);
        }
        stepCount = savedStepCount;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
