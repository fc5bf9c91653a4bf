package org.twinfold.ml.diffusion;

import java.util.List;

/**
 * Settings of a diffusion model that the shared {@code SurrogateOptions} do not cover; build with
 * {@link #builder()}. Defaults: base channels 16, multipliers [1, 2, 2], 1 block per level, attention
 * with 2 heads at the lowest resolution, circular padding, 8 groups per norm, sigma_data 0.5, EDM's
 * P_mean -1.2 and P_std 1.2, label dropout 0.1, EMA decay 0.999. With the defaults a U-Net has about
 * 0.27 M parameters, small enough to train on 32 x 32 masks on a CPU in minutes. With 25 classes, base
 * channels 24 give 0.60 M and 32 give 1.07 M.
 *
 * @param baseChannels channels of the first U-Net level
 * @param channelMultipliers per-level channel multipliers
 * @param blocksPerLevel residual blocks per level
 * @param attention self-attention at the lowest resolution
 * @param attentionHeads its head count
 * @param padding zero, or circular for periodic lattices
 * @param maxGroups group count of the group norms
 * @param sigmaData sigma_data of the preconditioning, in network units
 * @param noiseLevels training distribution of sigma
 * @param labelDropout probability of dropping a sample's condition in training, in [0, 1); 0 turns
 *     classifier-free guidance off
 * @param emaDecay decay of the weight average used for sampling, in (0, 1)
 * @param patch side of the pixel patches folded into channels at the U-Net's input, 1 for none
 * @param pixelHead hidden channels of a full-resolution {@link PixelHead} after a patched U-Net, 0 for none
 * @param augmentation symmetries applied to the training images, {@link Augmentation#NONE} by default
 * @param selfCondition whether the network also takes its previous estimate of the clean image (see
 *     {@link UNetConfig})
 * @param adaptiveScale whether the conditioning scales and shifts each residual block's features (see
 *     {@link UNetConfig})
 */
public record DiffusionOptions(int baseChannels, List<Integer> channelMultipliers, int blocksPerLevel,
                               boolean attention, int attentionHeads, Padding padding, int maxGroups,
                               double sigmaData, NoiseLevels noiseLevels, double labelDropout, double emaDecay,
                               int patch, int pixelHead, Augmentation augmentation,
                               boolean selfCondition, boolean adaptiveScale) {

    public DiffusionOptions {
        channelMultipliers = List.copyOf(channelMultipliers);
        if (!(labelDropout >= 0 && labelDropout < 1)) {
            throw new IllegalArgumentException("label dropout is " + labelDropout + "; it must be in [0, 1), e.g. 0.1");
        }
        if (!(emaDecay > 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("EMA decay is " + emaDecay + "; it must be in (0, 1), e.g. 0.999");
        }
        new EdmPreconditioning(sigmaData);
        if (augmentation == null) {
            throw new IllegalArgumentException("augmentation is missing; choose NONE or LATTICE");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder().optBaseChannels(baseChannels).optChannelMultipliers(channelMultipliers)
                .optBlocksPerLevel(blocksPerLevel).optAttention(attention, attentionHeads).optPadding(padding)
                .optMaxGroups(maxGroups).optSigmaData(sigmaData).optNoiseLevels(noiseLevels)
                .optLabelDropout(labelDropout).optEmaDecay(emaDecay).optPatch(patch)
                .optPixelHead(pixelHead).optAugmentation(augmentation).optSelfCondition(selfCondition)
                .optAdaptiveScale(adaptiveScale);
    }

    /** Returns the U-Net config for images with {@code channels} channels and the given conditioning. */
    public UNetConfig unet(int channels, int classCount, int parameterCount) {
        return new UNetConfig(channels, baseChannels, channelMultipliers, blocksPerLevel, attention, attentionHeads,
                padding, classCount, parameterCount, maxGroups, patch, pixelHead, selfCondition, adaptiveScale);
    }

    /** Collects options; every setting is optional. */
    public static final class Builder {
        private int baseChannels = 16;
        private List<Integer> channelMultipliers = List.of(1, 2, 2);
        private int blocksPerLevel = 1;
        private boolean attention = true;
        private int attentionHeads = 2;
        private Padding padding = Padding.CIRCULAR;
        private int maxGroups = 8;
        private double sigmaData = 0.5;
        private NoiseLevels noiseLevels = NoiseLevels.edm();
        private double labelDropout = 0.1;
        private double emaDecay = 0.999;
        private int patch = 1;
        private int pixelHead;
        private Augmentation augmentation = Augmentation.NONE;
        private boolean selfCondition;
        private boolean adaptiveScale;

        private Builder() {
        }

        public Builder optBaseChannels(int channels) {
            this.baseChannels = channels;
            return this;
        }

        public Builder optChannelMultipliers(List<Integer> multipliers) {
            this.channelMultipliers = multipliers;
            return this;
        }

        public Builder optBlocksPerLevel(int blocks) {
            this.blocksPerLevel = blocks;
            return this;
        }

        /** Turns the lowest-resolution self-attention on or off, with {@code heads} heads. */
        public Builder optAttention(boolean on, int heads) {
            this.attention = on;
            this.attentionHeads = heads;
            return this;
        }

        public Builder optPadding(Padding mode) {
            this.padding = mode;
            return this;
        }

        public Builder optMaxGroups(int groups) {
            this.maxGroups = groups;
            return this;
        }

        public Builder optSigmaData(double sigma) {
            this.sigmaData = sigma;
            return this;
        }

        public Builder optNoiseLevels(NoiseLevels levels) {
            this.noiseLevels = levels;
            return this;
        }

        public Builder optLabelDropout(double probability) {
            this.labelDropout = probability;
            return this;
        }

        public Builder optEmaDecay(double decay) {
            this.emaDecay = decay;
            return this;
        }

        public Builder optPatch(int side) {
            this.patch = side;
            return this;
        }

        public Builder optPixelHead(int hidden) {
            this.pixelHead = hidden;
            return this;
        }

        public Builder optAugmentation(Augmentation value) {
            this.augmentation = value;
            return this;
        }

        public Builder optSelfCondition(boolean on) {
            this.selfCondition = on;
            return this;
        }

        public Builder optAdaptiveScale(boolean on) {
            this.adaptiveScale = on;
            return this;
        }

        public DiffusionOptions build() {
            return new DiffusionOptions(baseChannels, channelMultipliers, blocksPerLevel, attention, attentionHeads,
                    padding, maxGroups, sigmaData, noiseLevels, labelDropout, emaDecay, patch,
                    pixelHead, augmentation, selfCondition, adaptiveScale);
        }
    }
}
