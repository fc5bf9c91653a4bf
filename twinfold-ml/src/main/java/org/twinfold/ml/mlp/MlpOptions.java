package org.twinfold.ml.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.twinfold.core.ParameterSpace;

/**
 * Network and data settings of {@link MlpRegressor#train}; the optimizer and schedule are in the
 * {@link org.twinfold.ml.train.TrainingConfig}. Defaults: hidden widths [64, 64], SiLU, batch 64,
 * inputs scaled by mean and standard deviation, no caller metadata. Immutable; build with {@link #builder()}.
 *
 * @param hiddenWidths widths of the hidden layers
 * @param activation hidden-layer nonlinearity
 * @param batchSize samples per training step, drawn uniformly with replacement
 * @param inputScaling how inputs are normalized
 * @param inputRanges {min[], max[]} per input for {@link InputScaling#PARAMETER_RANGES}; null otherwise
 * @param metadata caller metadata saved in every checkpoint (schema, dataset provenance)
 */
public record MlpOptions(List<Integer> hiddenWidths, MlpActivation activation, int batchSize, InputScaling inputScaling,
        double[][] inputRanges, JsonNode metadata) {

    public MlpOptions {
        hiddenWidths = List.copyOf(hiddenWidths);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size is " + batchSize + "; it must be at least 1");
        }
        if (inputScaling == InputScaling.PARAMETER_RANGES && inputRanges == null) {
            throw new IllegalArgumentException("PARAMETER_RANGES scaling needs the parameter ranges; call optInputRanges");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every setting is optional. */
    public static final class Builder {
        private List<Integer> hiddenWidths = List.of(64, 64);
        private MlpActivation activation = MlpActivation.SILU;
        private int batchSize = 64;
        private InputScaling inputScaling = InputScaling.MEAN_STD;
        private double[][] inputRanges;
        private JsonNode metadata = JsonNodeFactory.instance.objectNode();

        private Builder() {
        }

        public Builder optHiddenWidths(List<Integer> widths) {
            this.hiddenWidths = widths;
            return this;
        }

        public Builder optActivation(MlpActivation activation) {
            this.activation = activation;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Scales inputs from the ranges of {@code space} to [-1, 1]. */
        public Builder optInputRanges(ParameterSpace space) {
            double[] min = new double[space.dimension()];
            double[] max = new double[space.dimension()];
            for (int j = 0; j < space.dimension(); j++) {
                min[j] = space.parameter(j).min();
                max[j] = space.parameter(j).max();
            }
            this.inputScaling = InputScaling.PARAMETER_RANGES;
            this.inputRanges = new double[][] {min, max};
            return this;
        }

        public Builder optMetadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        public MlpOptions build() {
            return new MlpOptions(hiddenWidths, activation, batchSize, inputScaling, inputRanges, metadata);
        }
    }
}
