package dev.strata.forward.geology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-channel facies / acoustic-impedance sections, the geological scenario of seed 000 (arXiv 2507.15809): channel
 * 0 is a binary facies (1 = sand, 0 = shale), channel 1 the acoustic impedance Ip in m/s * g/cm^3.
 *
 * <p><b>Facies (object-based).</b> Starting from shale, sand bodies are dropped at uniform random positions (the
 * body's centre anywhere in the section, so bodies are cut by the edges) until the sand fraction of the section
 * reaches {@code sandProportion}; the last body is kept only if that brings the fraction closer to the target than
 * stopping short. Each body is, with probability {@code channelShare}, a
 * <ul>
 *   <li><i>channel</i>: a sinuous band around the centreline z_c(x) = z_0 + A sin(2 pi (x - x_m) / lambda + phi),
 *       lateral extent W around x_m, thickness t(x) = T sqrt(1 - u^4), u = 2 (x - x_m) / W (full thickness in the
 *       middle, closing at the ends); cells with |z - z_c(x)| &lt;= t(x) / 2 are sand. T, W, A, lambda are drawn
 *       from {@code channelThickness}, {@code channelWidth}, {@code meanderAmplitude}, {@code meanderWavelength};</li>
 *   <li>else a <i>lens</i>: an ellipse with vertical axis T from {@code lensThickness} and horizontal axis W from
 *       {@code lensWidth}.</li>
 * </ul>
 * <p><b>Impedance.</b> Ip = mu_f + sigma_f g_f(z, x) in facies f, with g_shale and g_sand two independent standard
 * Gaussian fields of {@code impedanceField} (anisotropic: long laterally); so within each facies Ip is normal with
 * the configured mean and std and correlated as {@code impedanceField} says.
 *
 * @param grid              the section (default 80 x 100, dz 1 m, dx 10 m)
 * @param sandProportion    target sand fraction, in (0, 1) (default 0.3)
 * @param channelShare      probability that a body is a channel rather than a lens, in [0, 1] (default 0.6)
 * @param channelThickness  T of channels in m (default 4 to 10)
 * @param channelWidth      W of channels in m (default 300 to 800)
 * @param meanderAmplitude  A in m, >= 0 (default 1 to 4)
 * @param meanderWavelength lambda in m, positive (default 300 to 1000)
 * @param lensThickness     T of lenses in m (default 2 to 6)
 * @param lensWidth         W of lenses in m (default 60 to 200)
 * @param shale             Ip of shale, m/s * g/cm^3 (default 6500 +- 400)
 * @param sand              Ip of sand, m/s * g/cm^3 (default 5500 +- 300)
 * @param impedanceField    correlation of Ip within a facies (default exponential, 2 m along z, 40 m along x, 256
 *                          modes)
 */
public record FaciesImpedanceModel(SectionGrid grid, double sandProportion, double channelShare,
                                   Interval channelThickness, Interval channelWidth, Interval meanderAmplitude,
                                   Interval meanderWavelength, Interval lensThickness, Interval lensWidth,
                                   Normal shale, Normal sand, SpectralGaussianField impedanceField)
        implements ModelGenerator {

    /** Facies value of sand in channel 0. */
    public static final float SAND = 1f;
    /** Bodies dropped at most per model, a guard against targets that bodies off the grid never reach. */
    static final int MAX_BODIES = 100_000;

    public FaciesImpedanceModel {
        if (grid == null || shale == null || sand == null || impedanceField == null) {
            throw new IllegalArgumentException("grid, shale, sand and impedanceField must not be null");
        }
        if (!(sandProportion > 0 && sandProportion < 1)) {
            throw new IllegalArgumentException("sand proportion must be in (0, 1), got " + sandProportion);
        }
        if (!(channelShare >= 0 && channelShare <= 1)) {
            throw new IllegalArgumentException("channel share must be in [0, 1], got " + channelShare);
        }
        for (Interval size : new Interval[] {channelThickness, channelWidth, meanderWavelength, lensThickness,
                lensWidth}) {
            if (size == null || !size.positive()) {
                throw new IllegalArgumentException("body thicknesses, widths and the meander wavelength must be"
                        + " positive, got " + size);
            }
        }
        if (meanderAmplitude == null || meanderAmplitude.lo() < 0) {
            throw new IllegalArgumentException("meander amplitude must be >= 0, got " + meanderAmplitude);
        }
    }

    /** The defaults above on 80 x 100 cells of 1 m x 10 m. */
    public static FaciesImpedanceModel defaults() {
        return defaults(new SectionGrid(80, 100, 1, 10));
    }

    /** The defaults above on {@code grid}. */
    public static FaciesImpedanceModel defaults(SectionGrid grid) {
        return new FaciesImpedanceModel(grid, 0.3, 0.6, new Interval(4, 10), new Interval(300, 800),
                new Interval(1, 4), new Interval(300, 1000), new Interval(2, 6), new Interval(60, 200),
                new Normal(6500, 400), new Normal(5500, 300),
                new SpectralGaussianField(Covariance.EXPONENTIAL, 2, 40, 256));
    }

    /** This family with another target sand proportion. */
    public FaciesImpedanceModel withSandProportion(double value) {
        return new FaciesImpedanceModel(grid, value, channelShare, channelThickness, channelWidth, meanderAmplitude,
                meanderWavelength, lensThickness, lensWidth, shale, sand, impedanceField);
    }

    @Override
    public List<Channel> channels() {
        return List.of(new Channel("facies", "1"), new Channel("impedance", "m/s*g/cm^3"));
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        int cells = grid.cells();
        boolean[] isSand = facies(random);
        float[] gShale = impedanceField.sample(grid, random);
        float[] gSand = impedanceField.sample(grid, random);
        float[] model = new float[2 * cells];
        for (int i = 0; i < cells; i++) {
            model[i] = isSand[i] ? SAND : 0f;
            model[cells + i] = (float) (isSand[i] ? sand.at(gSand[i]) : shale.at(gShale[i]));
        }
        return model;
    }

    @Override
    public FieldStatistics statistics(float[] models, int n) {
        return ModelGenerator.super.statistics(models, n)
                .withFacies(FaciesStatistics.measure(models, n, 2, 0, 1, grid.cells()));
    }

    /** The sand mask {@code [nz][nx]}; advances {@code random}. */
    boolean[] facies(SplittableRandom random) {
        int cells = grid.cells();
        boolean[] isSand = new boolean[cells];
        boolean[] body = new boolean[cells];
        int sandCells = 0;
        double target = sandProportion * cells;
        for (int k = 0; k < MAX_BODIES && sandCells < target; k++) {
            java.util.Arrays.fill(body, false);
            if (random.nextDouble() < channelShare) {
                drawChannel(random, body);
            } else {
                drawLens(random, body);
            }
            int added = 0;
            for (int i = 0; i < cells; i++) {
                if (body[i] && !isSand[i]) {
                    added++;
                }
            }
            if (sandCells + added - target > target - sandCells) {
                break; // overshooting by more than stopping short
            }
            for (int i = 0; i < cells; i++) {
                isSand[i] |= body[i];
            }
            sandCells += added;
        }
        return isSand;
    }

    private void drawChannel(SplittableRandom random, boolean[] body) {
        double xm = grid.width() * random.nextDouble();
        double z0 = grid.depth() * random.nextDouble();
        double thickness = channelThickness.draw(random);
        double halfWidth = 0.5 * channelWidth.draw(random);
        double amplitude = meanderAmplitude.draw(random);
        double wavelength = meanderWavelength.draw(random);
        double phase = 2 * Math.PI * random.nextDouble();
        for (int ix = 0; ix < grid.nx(); ix++) {
            double x = (ix + 0.5) * grid.dx();
            double u = (x - xm) / halfWidth;
            if (Math.abs(u) >= 1) {
                continue;
            }
            double zc = z0 + amplitude * Math.sin(2 * Math.PI * (x - xm) / wavelength + phase);
            double half = 0.5 * thickness * Math.sqrt(1 - u * u * u * u);
            markColumn(body, ix, zc - half, zc + half);
        }
    }

    private void drawLens(SplittableRandom random, boolean[] body) {
        double xc = grid.width() * random.nextDouble();
        double zc = grid.depth() * random.nextDouble();
        double halfThickness = 0.5 * lensThickness.draw(random);
        double halfWidth = 0.5 * lensWidth.draw(random);
        for (int ix = 0; ix < grid.nx(); ix++) {
            double u = ((ix + 0.5) * grid.dx() - xc) / halfWidth;
            if (Math.abs(u) >= 1) {
                continue;
            }
            double half = halfThickness * Math.sqrt(1 - u * u);
            markColumn(body, ix, zc - half, zc + half);
        }
    }

    /** Marks the cells of column {@code ix} whose centres lie in [top, bottom] (metres). */
    private void markColumn(boolean[] body, int ix, double top, double bottom) {
        int first = Math.max(0, (int) Math.ceil(top / grid.dz() - 0.5));
        int last = Math.min(grid.nz() - 1, (int) Math.floor(bottom / grid.dz() - 0.5));
        for (int iz = first; iz <= last; iz++) {
            body[iz * grid.nx() + ix] = true;
        }
    }
}
