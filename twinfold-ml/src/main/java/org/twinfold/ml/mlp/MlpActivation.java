package org.twinfold.ml.mlp;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/** Hidden-layer nonlinearity of an {@link MlpArchitecture}. */
public enum MlpActivation {
    /** x * sigmoid(x) (Elfwing, Uchibe and Doya 2018; also called swish with beta 1). */
    SILU,
    /** x * Phi(x), Phi the standard normal CDF (Hendrycks and Gimpel 2016). */
    GELU,
    /** Hyperbolic tangent. */
    TANH;

    /** Returns a parameter-free block that applies this function element-wise. */
    public Block block() {
        return switch (this) {
            case SILU -> new LambdaBlock(list -> Activation.swish(list, 1f), "silu");
            case GELU -> Activation.geluBlock();
            case TANH -> Activation.tanhBlock();
        };
    }
}
