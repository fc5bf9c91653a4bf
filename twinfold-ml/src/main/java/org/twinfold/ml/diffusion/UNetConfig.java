package org.twinfold.ml.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure of a {@link UNet}. Saved in checkpoint metadata so that a loader can rebuild the network;
 * parameter names follow the block order, so a checkpoint loads only into the structure it was
 * written with ({@link #VERSION} changes when the block layout changes).
 *
 * @param channels image channels in and out, at least 1
 * @param baseChannels channels of the first level, at least 1
 * @param channelMultipliers channels of level l are {@code baseChannels * channelMultipliers[l]}; the
 *     number of entries is the number of resolutions (each further level halves H and W)
 * @param blocksPerLevel residual blocks per level in the encoder (the decoder has one more), at least 1
 * @param attention self-attention in the middle, at the lowest resolution
 * @param attentionHeads heads of that attention; must divide the lowest level's channels
 * @param padding zero or circular (periodic lattice) padding of every 3x3 convolution
 * @param classCount classes of the class embedding; 0 for none
 * @param parameterCount continuous parameters of the parameter embedding; 0 for none
 * @param maxGroups group count of the group norms (gcd with each channel count is used)
 * @param patch side of the square patches that the network folds into channels at its input and
 *     unfolds at its output (space-to-depth); 1 for none. A patch of p divides the cost of every level
 *     by about p^2 and makes p x p pixels the finest scale that the convolutions see.
 * @param pixelHead hidden channels of the {@link PixelHead} that refines a patched network's output at
 *     full resolution, or 0 for none
 * @param selfCondition whether the network also takes its previous estimate of the clean image as
 *     input channels, which doubles the input's channels (self-conditioning after Chen, Zhang and
 *     Hinton, "Analog Bits", ICLR 2023)
 * @param adaptiveScale whether each residual block's conditioning scales and shifts its second group
 *     norm's output (ADM's scale-shift norm) instead of adding to the features
 */
public record UNetConfig(int channels, int baseChannels, List<Integer> channelMultipliers, int blocksPerLevel,
                         boolean attention, int attentionHeads, Padding padding, int classCount, int parameterCount,
                         int maxGroups, int patch, int pixelHead, boolean selfCondition, boolean adaptiveScale) {
    /** Version of the block layout that {@link UNet} builds from this config. */
    public static final int VERSION = 1;
    /** The conditioning embedding has this many times {@code baseChannels} features, as in ADM. */
    static final int EMBEDDING_MULTIPLIER = 4;

    public UNetConfig {
        channelMultipliers = List.copyOf(channelMultipliers);
        if (pixelHead < 0) {
            throw new IllegalArgumentException("pixel head channels " + pixelHead + " are invalid; use 0 (no"
                    + " head) or a positive count");
        }
        if (channels < 1 || baseChannels < 1 || blocksPerLevel < 1 || maxGroups < 1 || patch < 1) {
            throw new IllegalArgumentException("U-Net channels " + channels + ", base channels " + baseChannels
                    + ", blocks per level " + blocksPerLevel + ", groups " + maxGroups + " and patch " + patch
                    + " must all be at least 1");
        }
        if (channelMultipliers.isEmpty() || channelMultipliers.stream().anyMatch(m -> m < 1)) {
            throw new IllegalArgumentException("channel multipliers " + channelMultipliers
                    + " are invalid; give one positive multiplier per level, such as [1, 2, 2]");
        }
        if (classCount < 0 || parameterCount < 0) {
            throw new IllegalArgumentException("class count " + classCount + " and parameter count "
                    + parameterCount + " must be 0 (no embedding) or positive");
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding is missing; choose ZERO or CIRCULAR");
        }
        int lowest = baseChannels * channelMultipliers.get(channelMultipliers.size() - 1);
        if (attention && (attentionHeads < 1 || lowest % attentionHeads != 0)) {
            throw new IllegalArgumentException("attention heads " + attentionHeads + " must divide the "
                    + lowest + " channels of the lowest level");
        }
    }

    /** Returns the number of resolutions; H and W must be multiples of 2^(levels - 1). */
    public int levels() {
        return channelMultipliers.size();
    }

    /** Returns the channels of level {@code level}. */
    public int channelsAt(int level) {
        return baseChannels * channelMultipliers.get(level);
    }

    /** Returns the width E of the conditioning embedding. */
    public int embeddingSize() {
        return EMBEDDING_MULTIPLIER * baseChannels;
    }

    /** Returns the smallest lattice extent that the network accepts: every extent must be a multiple of it. */
    public int sizeMultiple() {
        return patch << (levels() - 1);
    }

    /** Returns the channel count of the folded output, which the last convolution writes: channels times patch^2. */
    public int foldedChannels() {
        return channels * patch * patch;
    }

    /** Returns the channels of the network's image input: {@code channels}, doubled with self-conditioning. */
    public int inputChannels() {
        return selfCondition ? 2 * channels : channels;
    }

    /** Returns the channel count of the first convolution's folded input: input channels times patch^2. */
    public int foldedInputChannels() {
        return inputChannels() * patch * patch;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", VERSION);
        node.put("channels", channels);
        node.put("baseChannels", baseChannels);
        channelMultipliers.forEach(node.putArray("channelMultipliers")::add);
        node.put("blocksPerLevel", blocksPerLevel);
        node.put("attention", attention);
        node.put("attentionHeads", attentionHeads);
        node.put("padding", padding.name());
        node.put("classCount", classCount);
        node.put("parameterCount", parameterCount);
        node.put("maxGroups", maxGroups);
        node.put("patch", patch);
        node.put("pixelHead", pixelHead);
        node.put("selfCondition", selfCondition);
        node.put("adaptiveScale", adaptiveScale);
        return node;
    }

    /**
     * Reads a config written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when the layout version is newer than this code
     */
    public static UNetConfig fromJson(JsonNode node) {
        int version = node.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("U-Net layout version " + version + " is not readable by this code,"
                    + " which reads version " + VERSION + "; use the twinfold version that trained it");
        }
        List<Integer> multipliers = new ArrayList<>();
        node.get("channelMultipliers").forEach(m -> multipliers.add(m.asInt()));
        return new UNetConfig(node.get("channels").asInt(), node.get("baseChannels").asInt(), multipliers,
                node.get("blocksPerLevel").asInt(), node.get("attention").asBoolean(),
                node.get("attentionHeads").asInt(), Padding.valueOf(node.get("padding").asText()),
                node.get("classCount").asInt(), node.get("parameterCount").asInt(), node.get("maxGroups").asInt(),
                node.path("patch").asInt(1), node.path("pixelHead").asInt(0),
                node.path("selfCondition").asBoolean(false), node.path("adaptiveScale").asBoolean(false));
    }
}
