package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JointOperator;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.HardDataOperator;
import dev.strata.forward.seismic.SeismicConvention;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Observations.WellLog;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Seed 000's problem: full-stack convolutional seismic of the impedance channel (sigma_d = a + b |d|) and well logs
 * of any channels along vertical or deviated paths (a fixed sigma per channel), alone or together.
 */
final class SeismicProblemBuilder {
    private SeismicProblemBuilder() {
    }

    static PhysicalProblem build(Observations obs, ComputeBackend backend) {
        ModelGrid g = obs.grid();
        boolean wantSeismic = obs.problem().contains("seismic");
        boolean wantWells = obs.problem().contains("wells");
        List<ForwardOperator> parts = new ArrayList<>();
        List<DataBlock> blocks = new ArrayList<>();
        List<float[]> data = new ArrayList<>();
        List<double[]> sigma = new ArrayList<>();
        int offset = 0;
        if (wantSeismic) {
            SeismicSection s = require(obs.seismic(), obs, "a /seismic group");
            int ip = g.channel("impedance");
            if (ip < 0) {
                throw new UserInputException("seismic data need a model channel named 'impedance'; the grid has "
                        + g.channelNames() + "; fix: name the impedance channel in /model channels");
            }
            SeismicConvention convention = s.sameRows() ? SeismicConvention.SAME_ROWS
                    : SeismicConvention.DIFFERENCE_ROWS;
            if (s.nx() != g.nx() || s.rows() != convention.rows(g.nz())) {
                throw new UserInputException("seismic data are " + s.rows() + " x " + s.nx() + ", the " + g.nz() + " x "
                        + g.nx() + " model gives " + convention.rows(g.nz()) + " x " + g.nx() + " with the "
                        + (s.sameRows() ? "same-rows" : "difference-rows") + " convention; fix: match the grid");
            }
            parts.add(new ConvolutionalSeismic(g.channels(), g.nz(), g.nx(), ip, s.wavelet(), convention, backend));
            blocks.add(new DataBlock("seismic", offset, s.data().length));
            offset += s.data().length;
            data.add(s.data());
            double[] sd = new double[s.data().length];
            for (int j = 0; j < sd.length; j++) {
                sd[j] = s.noiseA() + s.noiseB() * Math.abs(s.data()[j]);
            }
            sigma.add(sd);
        }
        if (wantWells) {
            if (obs.wells().isEmpty()) {
                throw new UserInputException("problem '" + obs.problem() + "' needs well logs, the file has none;"
                        + " fix: add /wells groups or choose --problem seismic");
            }
            WellSampling wells = WellSampling.of(g, obs.wells());
            parts.add(new HardDataOperator(new int[] {g.channels(), g.nz(), g.nx()}, wells.mask(), backend));
            blocks.add(new DataBlock("wells", offset, wells.values().length));
            data.add(wells.values());
            sigma.add(wells.sigma());
        }
        ForwardOperator operator = parts.size() == 1 ? parts.getFirst() : new JointOperator(parts);
        return new PhysicalProblem(obs, operator, concat(data), concatDoubles(sigma), blocks,
                PriorDefaults.background(g, obs.wells()), PriorDefaults.spread(g, obs.wells()));
    }

    static <T> T require(T part, Observations obs, String what) {
        if (part == null) {
            throw new UserInputException("problem '" + obs.problem() + "' needs " + what
                    + " in the observation file; fix: add it (see the README's schema) or choose another --problem");
        }
        return part;
    }

    static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static double[] concatDoubles(List<double[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /**
     * Well logs snapped to the nearest cells: one datum per observed (channel, cell), in the flat-index order of
     * {@link HardDataOperator}; a cell logged twice (crossing wells) takes the mean of its values and the smaller sigma.
     */
    record WellSampling(boolean[] mask, float[] values, double[] sigma) {
        static WellSampling of(ModelGrid g, List<WellLog> wells) {
            TreeMap<Integer, double[]> cells = new TreeMap<>(); // flat index -> {sum, count, sigma}
            for (WellLog w : wells) {
                for (int k = 0; k < w.points(); k++) {
                    int iz = (int) Math.round(w.zM()[k] / g.dz());
                    int ix = (int) Math.round(w.xM()[k] / g.dx());
                    if (iz < 0 || iz >= g.nz() || ix < 0 || ix >= g.nx()) {
                        throw new UserInputException("well " + w.name() + " point " + k + " at z " + w.zM()[k]
                                + " m, x " + w.xM()[k] + " m lies outside the model (0.." + (g.nz() - 1) * g.dz()
                                + " m deep, 0.." + (g.nx() - 1) * g.dx() + " m wide); fix: correct the well path");
                    }
                    for (int c = 0; c < w.channels().size(); c++) {
                        int ch = g.channel(w.channels().get(c));
                        if (ch < 0) {
                            throw new UserInputException("well " + w.name() + " logs channel '" + w.channels().get(c)
                                    + "', the model has " + g.channelNames() + "; fix: rename the logged channel");
                        }
                        int flat = (ch * g.nz() + iz) * g.nx() + ix;
                        double[] acc = cells.computeIfAbsent(flat, f -> new double[] {0, 0, Double.MAX_VALUE});
                        acc[0] += w.values()[k * w.channels().size() + c];
                        acc[1] += 1;
                        acc[2] = Math.min(acc[2], w.sigma()[c]);
                    }
                }
            }
            boolean[] mask = new boolean[g.size()];
            float[] values = new float[cells.size()];
            double[] sigma = new double[cells.size()];
            int j = 0;
            for (var e : cells.entrySet()) {
                mask[e.getKey()] = true;
                values[j] = (float) (e.getValue()[0] / e.getValue()[1]);
                sigma[j++] = e.getValue()[2];
            }
            return new WellSampling(mask, values, sigma);
        }
    }
}
