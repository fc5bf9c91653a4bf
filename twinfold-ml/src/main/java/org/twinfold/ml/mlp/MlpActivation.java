package org.twinfold.ml.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
            // NOTE: not Activation.swish(list, 1f). DJL 0.36 wraps that Java scalar in an array over a direct
            // buffer and frees it at once, but libtorch keeps it for the backward pass. After a garbage
            // collection the gradients read freed memory and their norm turns infinite or NaN at random.
            case SILU -> new LambdaBlock(list -> {
                NDArray x = list.singletonOrThrow();
                return new NDList(x.mul(Activation.sigmoid(x)));
            }, "silu");
            case GELU -> Activation.geluBlock();
            case TANH -> Activation.tanhBlock();
        };
    }
}
