package org.twinfold.ml.twosample;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.metrics.RocAuc;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingLoop;
import org.twinfold.ml.train.TrainingLoss;

/**
 * The classifier two-sample test of the CaloChallenge evaluation: a fully connected network learns
 * to tell generated rows from reference rows, and its ROC AUC on held-out rows measures how far apart
 * the two samples are (0.5: indistinguishable).
 *
 * <p>Procedure: each sample is shuffled and split 60 / 20 / 20 into training, test and validation
 * rows, and features are standardized with the mean and standard deviation of the training rows. The
 * network (hidden Linear layers with LeakyReLU, then one logit) minimizes the binary cross-entropy
 * with Adam. After each epoch the test accuracy is measured, and the weights of the best epoch are
 * kept. An isotonic map fitted on the test rows calibrates the probabilities.
 * On the validation rows it reports the AUC of the raw logits and the JSD of the calibrated
 * probabilities (see {@link TwoSampleResult}).
 *
 * <p>The network runs in float32, where the challenge uses float64. Not thread-safe with other
 * training in the same JVM: libtorch allows one gradient collector at a time.
 */
public final class ClassifierTwoSampleTest {
    /** Rows per forward pass when predicting. */
    private static final int PREDICT_BATCH = 4096;
    /** LeakyReLU slope for negative inputs, PyTorch's default. */
    private static final float LEAKY_SLOPE = 0.01f;
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTwoSampleTest.class);

    private ClassifierTwoSampleTest() {
    }

    /**
     * Runs the test.
     *
     * @param reference (rows, features), at least 5 rows, finite
     * @param generated (rows, features), at least 5 rows, finite, the same number of features
     */
    public static TwoSampleResult run(double[][] reference, double[][] generated, TwoSampleOptions options) {
        TwoSampleSplit split = TwoSampleSplit.of(reference, generated, options.seed());
        int d = split.features();
        LOG.info("classifier two-sample test: {} training, {} test, {} validation rows of {} features; hidden {},"
                + " {} epochs", split.trainRows(), split.testRows(), split.validationRows(), d, options.hiddenWidths(),
                options.epochs());

        DjlEngine.start();
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) options.seed());
            Block network = network(options);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, d));
            Map<String, NDArray> parameters = NamedArrays.parametersOf(network);

            int batch = Math.min(options.batchSize(), split.trainRows());
            int stepsPerEpoch = (split.trainRows() + batch - 1) / batch;
            TrainingConfig config = TrainingConfig.builder()
                    .setTotalSteps((long) stepsPerEpoch * options.epochs())
                    .setSeed(options.seed())
                    .setSchedule(LearningRateSchedule.constant(options.learningRate()))
                    .optCheckpointEvery(Long.MAX_VALUE)
                    // NOTE: the BCE of well separated samples approaches 0, so a later batch easily exceeds
                    // any multiple of the running minimum. Only NaN and infinite losses stop this training.
                    .optDivergenceFactor(1e300)
                    .build();

            int bestEpoch = 0;
            double bestAccuracy = -1;
            try (NDManager bestManager = manager.newSubManager();
                 TrainingLoop loop = TrainingLoop.builder().setBlock(network).setConfig(config)
                         .setLoss(binaryCrossEntropy())
                         .setBatches(split.epochBatches(batch, stepsPerEpoch, options.seed()))
                         .optTrainer(ClassifierTwoSampleTest.class.getName(), Map.of(
                                 "twosample.hiddenWidths", options.hiddenWidths().toString(),
                                 "twosample.batchSize", Integer.toString(batch)))
                         .build()) {
                Map<String, NDArray> best = new LinkedHashMap<>();
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    loop.runUntil((long) epoch * stepsPerEpoch);
                    double accuracy = accuracy(logits(network, manager, split.testFeatures(), d), split.testLabels());
                    LOG.debug("epoch {}: test accuracy {}", epoch, accuracy);
                    if (accuracy > bestAccuracy) {
                        bestAccuracy = accuracy;
                        bestEpoch = epoch;
                        copyInto(parameters, best, bestManager);
                    }
                }
                NamedArrays.copyInto(best, parameters, "weights of the best epoch");
            }

            double[] testLogits = logits(network, manager, split.testFeatures(), d);
            double[] validationLogits = logits(network, manager, split.validationFeatures(), d);
            TwoSampleResult result = summarize(split, testLogits, validationLogits, bestEpoch, bestAccuracy);
            LOG.info("classifier two-sample test: AUC {} +- {} (null), JSD {}, best epoch {} of {}, {} s",
                    String.format("%.4f", result.auc()), String.format("%.4f", result.aucNullDeviation()),
                    String.format("%.4f", result.jsd()), bestEpoch, options.epochs(),
                    String.format("%.1f", (System.nanoTime() - start) * 1e-9));
            return result;
        }
    }

    private static TwoSampleResult summarize(TwoSampleSplit split, double[] testLogits, double[] validationLogits,
                                             int bestEpoch, double bestAccuracy) {
        boolean[] validationLabels = split.validationLabels();
        double auc = RocAuc.of(validationLogits, validationLabels);
        int generatedRows = 0;
        for (boolean label : validationLabels) {
            generatedRows += label ? 1 : 0;
        }
        int referenceRows = validationLabels.length - generatedRows;

        IsotonicCalibration calibration = IsotonicCalibration.fit(testLogits, split.testLabels());
        double crossEntropy = 0;
        for (int i = 0; i < validationLogits.length; i++) {
            double p = calibration.probability(validationLogits[i]);
            // Logarithms are bounded below by -100, as in PyTorch's BCELoss, so a calibrated 0 or 1 stays finite.
            crossEntropy -= validationLabels[i] ? Math.max(Math.log(p), -100) : Math.max(Math.log(1 - p), -100);
        }
        crossEntropy /= validationLogits.length;
        double jsd = (Math.log(2) - crossEntropy) / Math.log(2);

        return new TwoSampleResult(auc, RocAuc.nullStandardDeviation(referenceRows, generatedRows), jsd, bestEpoch,
                bestAccuracy, split.trainRows(), split.testRows(), referenceRows, generatedRows);
    }

    static Block network(TwoSampleOptions options) {
        SequentialBlock block = new SequentialBlock();
        for (int width : options.hiddenWidths()) {
            block.add(Linear.builder().setUnits(width).build());
            // The slope goes to libtorch as a double argument, not as an NDArray that DJL frees before backward.
            block.add(new LambdaBlock(list -> new NDList(Activation.leakyRelu(list.singletonOrThrow(), LEAKY_SLOPE)),
                    "leakyRelu"));
        }
        block.add(Linear.builder().setUnits(1).build());
        return block;
    }

    /** Returns mean_i [softplus(z_i) - y_i z_i], the binary cross-entropy of logits z and labels y. */
    static TrainingLoss binaryCrossEntropy() {
        return (context, batch) -> {
            NDArray logits = context.forward(new NDList(batch.get(0))).singletonOrThrow();
            return Activation.softPlus(logits).sub(logits.mul(batch.get(1))).mean();
        };
    }

    /** Returns the network's logit for every row of the flat (rows, d) features. */
    private static double[] logits(Block network, NDManager manager, float[] features, int d) {
        int rows = features.length / d;
        double[] logits = new double[rows];
        ParameterStore store = new ParameterStore(manager, false);
        for (int start = 0; start < rows; start += PREDICT_BATCH) {
            int count = Math.min(PREDICT_BATCH, rows - start);
            float[] slice = new float[count * d];
            System.arraycopy(features, start * d, slice, 0, count * d);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.create(slice, new Shape(count, d));
                float[] z = network.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < count; i++) {
                    logits[start + i] = z[i];
                }
            }
        }
        return logits;
    }

    private static double accuracy(double[] logits, boolean[] labels) {
        int correct = 0;
        for (int i = 0; i < logits.length; i++) {
            correct += (logits[i] > 0) == labels[i] ? 1 : 0;
        }
        return (double) correct / logits.length;
    }

    private static void copyInto(Map<String, NDArray> parameters, Map<String, NDArray> best, NDManager manager) {
        for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
            NDArray previous = best.get(entry.getKey());
            if (previous != null) {
                previous.close();
            }
            NDArray copy = entry.getValue().duplicate();
            copy.attach(manager);
            best.put(entry.getKey(), copy);
        }
    }
}
