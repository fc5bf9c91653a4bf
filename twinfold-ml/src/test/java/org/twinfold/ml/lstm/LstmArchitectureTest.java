package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.twinfold.ml.DjlEngine;
import org.twinfold.ml.train.NamedArrays;

class LstmArchitectureTest {

    @Test
    void manyParticleCountsByHand() {
        // 16 particles in 3-D, positions only: d = 48, LSTM 64 -> LSTM 64 -> dense 48.
        LstmArchitecture architecture = new LstmArchitecture(48, 5, 64, 2);

        // PyTorch: 4*64*(48+64) + 8*64 = 29,184; 4*64*(64+64) + 8*64 = 33,280; 64*48 + 48 = 3,120.
        assertEquals(65_584, architecture.pytorchParameterCount());
        // Keras: 4*64*(48+64+1) = 28,928; 4*64*(64+64+1) = 33,024; 3,120.
        assertEquals(65_072, architecture.kerasParameterCount());
    }

    @Test
    void oneDimensionalCountByHand() {
        // 1 -> LSTM 32 -> LSTM 32 -> 1 in Keras: 4*32*34 + 4*32*65 + 33 = 12,705.
        LstmArchitecture architecture = new LstmArchitecture(1, 5, 32, 2);

        assertEquals(12_705, architecture.kerasParameterCount());
        assertEquals(12_705 + 2 * 4 * 32, architecture.pytorchParameterCount());
    }

    @Test
    void djlBlockMatchesPytorchCount() {
        DjlEngine.start();
        LstmArchitecture architecture = new LstmArchitecture(48, 5, 64, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = architecture.newBlock(manager);
            long count = 0;
            for (NDArray array : NamedArrays.parametersOf(block).values()) {
                count += array.size();
            }

            assertEquals(architecture.pytorchParameterCount(), count);
        }
    }

    @Test
    void forwardMapsWindowsToFrames() {
        DjlEngine.start();
        LstmArchitecture architecture = new LstmArchitecture(6, 5, 8, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = architecture.newBlock(manager);
            NDArray windows = manager.randomUniform(-1, 1, new Shape(3, 5, 6));

            NDArray frames = block.forward(new ParameterStore(manager, false), new NDList(windows), false)
                    .singletonOrThrow();

            assertEquals(new Shape(3, 6), frames.getShape());
        }
    }

    @Test
    void jsonRoundTrip() {
        LstmArchitecture architecture = new LstmArchitecture(48, 5, 64, 2);

        assertEquals(architecture, LstmArchitecture.fromJson(architecture.toJson()));
    }

    @Test
    void zeroHiddenSizeRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmArchitecture(3, 5, 0, 2));
        assertTrue(e.getMessage().startsWith("hiddenSize is 0"), e.getMessage());
    }
}
