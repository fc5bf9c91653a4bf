package org.twinfold.ml.train;

/** Form of weight decay that the Adam optimizer applies. */
public enum OptimizerKind {
    /**
     * Adam (Kingma and Ba, ICLR 2015); weight decay, when non-zero, is an L2 penalty added to the
     * gradient before the moment updates: {@code g <- g + lambda * theta}.
     */
    ADAM,
    /**
     * AdamW (Loshchilov and Hutter, "Decoupled weight decay regularization", ICLR 2019): weight decay
     * shrinks the weights directly, {@code theta <- theta * (1 - lr * lambda)}, apart from the moments.
     */
    ADAMW
}
