package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * The trained denoiser of a batch: the {@link UNet} in inference mode behind
 * {@link EdmPreconditioning}, with the batch's conditions and optional classifier-free guidance
 * (Ho and Salimans, "Classifier-Free Diffusion Guidance", 2022):
 * <pre>
 *   D_w(x; sigma) = D(x; sigma | none) + w (D(x; sigma | c) - D(x; sigma | none))
 * </pre>
 * w = 1 is the plain conditional denoiser; w &gt; 1 strengthens the condition. Both terms run in one
 * forward pass of 2N samples, at the noise levels where {@link SamplingOptions#guidedAt} holds. Guidance needs a network trained with label dropout.
 *
 * <p>A self-conditioned network gets the output of this denoiser's previous call (zeros at the first),
 * so one instance serves one batch through one sampling run. With guidance that output is the guided
 * one, and both halves of the doubled batch get it.
 */
final class EdmDenoiser implements Denoiser {
    private final UNet network;
    private final ParameterStore store;
    private final EdmPreconditioning preconditioning;
    private final NDList conditional;
    private final NDList unconditional;
    private final SamplingOptions options;
    private final NDManager state;
    private NDArray previous;

    /**
     * @param conditional the network's condition inputs for the N samples
     * @param unconditional the dropped conditions, used where {@code options} guide; null otherwise
     * @param options the guidance scale and the noise levels it applies at
     * @param state where the previous output of a self-conditioned network is kept between calls
     */
    EdmDenoiser(UNet network, ParameterStore store, EdmPreconditioning preconditioning, NDList conditional,
                NDList unconditional, SamplingOptions options, NDManager state) {
        this.network = network;
        this.store = store;
        this.preconditioning = preconditioning;
        this.conditional = conditional;
        this.unconditional = unconditional;
        this.options = options;
        this.state = state;
    }

    @Override
    public NDArray denoise(NDArray x, double sigma) {
        int n = Math.toIntExact(x.getShape().get(0));
        NDArray estimate = null;
        if (network.config().selfCondition()) {
            estimate = previous == null ? x.zerosLike() : previous;
        }
        if (!options.guidedAt(sigma) || unconditional == null || conditional.isEmpty()) {
            return remember(preconditioning.denoise(this::forward, x, filled(n, sigma), conditional, estimate));
        }

        NDList both = new NDList();
        for (int i = 0; i < conditional.size(); i++) {
            both.add(conditional.get(i).concat(unconditional.get(i), 0));
        }
        NDArray doubled = x.concat(x, 0);
        NDArray denoised = preconditioning.denoise(this::forward, doubled, filled(2 * n, sigma), both,
                estimate == null ? null : estimate.concat(estimate, 0));
        NDArray withCondition = denoised.get("0:" + n);
        NDArray without = denoised.get(n + ":");
        return remember(without.add(withCondition.sub(without).muli(options.guidanceScale())));
    }

    /** Keeps a copy of {@code output} for the next call of a self-conditioned network, and returns it. */
    private NDArray remember(NDArray output) {
        if (network.config().selfCondition()) {
            NDArray copy = output.duplicate();
            copy.attach(state);
            if (previous != null) {
                previous.close();
            }
            previous = copy;
        }
        return output;
    }

    private NDList forward(NDList inputs) {
        return network.forward(store, inputs, false);
    }

    private static double[] filled(int n, double sigma) {
        double[] sigmas = new double[n];
        Arrays.fill(sigmas, sigma);
        return sigmas;
    }
}
