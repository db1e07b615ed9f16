package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.forward.AffineInput;
import dev.strata.forward.ClippedInput;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JacobianBlockChecks;
import dev.strata.forward.JacobianBlocks;
import dev.strata.forward.JointOperator;
import dev.strata.forward.WhitenedOutput;
import dev.strata.forward.WrappedOperator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The Jacobian patterns the seismic problem's operators declare ({@link ForwardOperator#jacobianBlocks}) hold, and
 * their closed-form blocks equal the probed ones: seismic (both conventions), wells logging both channels
 * along a deviated and a vertical well, their joint operator, and the wrappers the inversion puts around it.
 */
class JacobianBlocksTest {
    private static final int NZ = 24;
    private static final int NX = 16;
    private static final int SIZE = 2 * NZ * NX;

    static ConvolutionalSeismic sameRows() {
        return new ConvolutionalSeismic(2, NZ, NX, ConvolutionalSeismic.IMPEDANCE_CHANNEL,
                RickerWavelet.symmetricSamples(25, 0.008, 16), SeismicConvention.SAME_ROWS);
    }

    static ConvolutionalSeismic differenceRows() {
        return new ConvolutionalSeismic(2, NZ, NX, ConvolutionalSeismic.IMPEDANCE_CHANNEL,
                new RickerWavelet(25, 0.008, 9).samples());
    }

    static HardDataOperator wells() {
        return HardDataOperator.alongWells(new WellGrid(NZ, NX, 10, 12.5), 2, new int[] {1, 0},
                List.of(HardDataWellPathTest.deviated(), HardDataWellPathTest.vertical()));
    }

    /** The inversion's stack: whitened data of the joint operator in normalised units. */
    static ForwardOperator inversion() {
        JointOperator joint = JointOperator.of(sameRows(), wells());
        double[] sigma = new double[joint.outputSize()];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = 0.5 + random.nextDouble();
        }
        float[] offset = new float[SIZE];
        float[] scale = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            offset[i] = i < SIZE / 2 ? 0.5f : 6000;
            scale[i] = (float) (i < SIZE / 2 ? 0.5 : 500 + 500 * random.nextDouble());
        }
        return new WhitenedOutput(new AffineInput(joint, offset, scale), sigma);
    }

    static Stream<ForwardOperator> operators() {
        return Stream.of(sameRows(), differenceRows(), wells(), JointOperator.of(sameRows(), wells()), inversion(),
                new ClippedInput(differenceRows(), 4500, 7500), probedOnly(sameRows()));
    }

    /** {@code op} without its closed-form blocks: they come from {@link ForwardOperator}'s default, the probes. */
    static ForwardOperator probedOnly(ForwardOperator op) {
        return new WrappedOperator() {
            @Override
            public ForwardOperator inner() {
                return op;
            }

            @Override
            public float[] apply(float[] x, int n) {
                return op.apply(x, n);
            }

            @Override
            public float[] vjp(float[] x, float[] dy, int n) {
                return op.vjp(x, dy, n);
            }

            @Override
            public float[] jvp(float[] x, float[] dx, int n) {
                return op.jvp(x, dx, n);
            }

            @Override
            public Optional<JacobianBlocks> jacobianBlocks() {
                return op.jacobianBlocks();
            }
        };
    }

    /** Models each operator takes: physical (facies 0/1, Ip 4000..8000), or normalised for the inversion's stack. */
    private static float[] models(ForwardOperator op, int n) {
        float[] x = ImpedanceModels.random(new SplittableRandom(11), n, NZ, NX);
        if (op instanceof WhitenedOutput w && w.inner() instanceof AffineInput a) {
            return a.toNormalised(x);
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("operators")
    void derivativesVanishOutsideTheDeclaredBlocks(ForwardOperator op) {
        JacobianBlockChecks.assertDerivativesStayInBlocks(op, models(op, 1));
    }

    @ParameterizedTest
    @MethodSource("operators")
    void closedFormBlocksEqualProbedBlocks(ForwardOperator op) {
        JacobianBlockChecks.assertBlocksEqualProbed(op, models(op, 2), 2);
    }

    @Test
    void stackedPatternJoinsBlocksThatShareAModelIndex() {
        // part A: {0, 1} -> data 0, {2} -> data 1; part B: {1, 2} -> data 0, a block of no model value -> data 1
        JacobianBlocks a = new JacobianBlocks(2, new int[] {0, 0, 1, -1}, new int[] {0, 1});
        JacobianBlocks b = new JacobianBlocks(2, new int[] {-1, 0, 0, -1}, new int[] {0, 1});
        JacobianBlocks stacked = JacobianBlocks.stacked(List.of(a, b));
        assertEquals(1, stacked.count());
        assertArrayEquals(new int[] {0, 0, 0, -1}, stacked.modelBlock());
        assertArrayEquals(new int[] {0, 0, 0, -1}, stacked.dataBlock());
        JacobianBlocks apart = JacobianBlocks.stacked(List.of(a, new JacobianBlocks(1, new int[] {-1, -1, -1, 0},
                new int[] {0})));
        assertArrayEquals(new int[] {0, 0, 1, 2}, apart.modelBlock());
        assertArrayEquals(new int[] {0, 1, 2}, apart.dataBlock());
        assertEquals(2, apart.widest());
    }
}
