package org.twinfold.ml.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.twinfold.ml.mlp.MlpActivation;

/**
 * A conditional variational autoencoder (VAE) of a flat field, with the structure of a
 * {@link VaeArchitecture}.
 *
 * <p>Training forward pass: inputs (x (N, d), c (N, p), eps (N, L)); the encoder gives mu and
 * a raw value r (N, L) each, log sigma = -softplus(-r), the latent is z = mu + sigma * eps (the
 * reparameterization), and the outputs are (reconstruction (N, d), mu, log sigma). The softplus
 * keeps sigma at most 1, the prior's: with heavy-tailed inputs an unbounded log sigma reached
 * sigma of thousands at initialization, and the loss diverged within a few steps. Sampling does not
 * use the encoder, so the bound changes no decoder output. Sampling uses {@link #decode} alone. With p = 0 the
 * condition array is (N, 0) and is not concatenated.
 */
public final class VaeNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final VaeArchitecture architecture;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;

    public VaeNetwork(VaeArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        this.encoder = addChildBlock("encoder", stack(architecture.hiddenWidths(), 2 * architecture.latentSize()));
        this.decoder = addChildBlock("decoder", stack(architecture.decoderWidths(), architecture.fieldSize()));
    }

    /** Builds the network and initializes its parameters on {@code manager} from the engine's seed. */
    public static VaeNetwork create(VaeArchitecture architecture, NDManager manager) {
        VaeNetwork network = new VaeNetwork(architecture);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, architecture.fieldSize()),
                new Shape(1, architecture.conditionSize()), new Shape(1, architecture.latentSize()));
        return network;
    }

    public VaeArchitecture architecture() {
        return architecture;
    }

    /** Returns the decoder's output (N, d) for latents z (N, L) and conditions c (N, p). */
    public NDArray decode(ParameterStore store, NDArray z, NDArray c, boolean training) {
        return decoder.forward(store, new NDList(joined(z, c)), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray c = inputs.get(1);
        NDArray eps = inputs.get(2);

        NDArray encoded = encoder.forward(store, new NDList(joined(x, c)), training).singletonOrThrow();
        NDList halves = encoded.split(2, 1);
        NDArray mu = halves.get(0);
        NDArray logSigma = Activation.softPlus(halves.get(1).neg()).neg();
        NDArray z = mu.add(logSigma.exp().mul(eps));

        NDArray reconstruction = decode(store, z, c, training);
        return new NDList(reconstruction, mu, logSigma);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int p = architecture.conditionSize();
        encoder.initialize(manager, dataType, new Shape(1, architecture.fieldSize() + p));
        decoder.initialize(manager, dataType, new Shape(1, architecture.latentSize() + p));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        long latent = architecture.latentSize();
        return new Shape[] {new Shape(n, architecture.fieldSize()), new Shape(n, latent), new Shape(n, latent)};
    }

    private static NDArray joined(NDArray first, NDArray condition) {
        return condition.getShape().get(1) == 0 ? first : first.concat(condition, 1);
    }

    private static SequentialBlock stack(List<Integer> widths, int outputs) {
        SequentialBlock block = new SequentialBlock();
        for (int width : widths) {
            block.add(Linear.builder().setUnits(width).build());
            // SiLU as x * sigmoid(x): no Java scalar enters the graph (see MlpActivation).
            block.add(MlpActivation.SILU.block());
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }
}
