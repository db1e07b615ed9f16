package dev.strata.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Draws a chart of named series (lines, points or bars) against shared x and y axes with round-number ticks, optional
 * logarithmic y, dashed horizontal reference lines (e.g. "WRMSE = 1") and a legend, as a PNG.
 *
 * <pre>{@code
 * new LinePlot().write(Path.of("out/wrmse.png"), new LinePlot.Chart("WRMSE per reverse step", "reverse step",
 *         "WRMSE", List.of(LinePlot.Series.line("seismic", steps, seismic), LinePlot.Series.line("wells", steps,
 *         wells)), true, List.of(new LinePlot.Reference(1, "WRMSE = 1"))));
 * }</pre>
 *
 * <h2>Why hand-written and not a plotting library</h2>
 * For the same reasons as {@link FieldPlot}: a charting library (XChart, JFreeChart) draws its text through AWT and so
 * fails on a machine without fonts, where this class falls back to the same built-in bitmap font as
 * {@link FieldPlot} (one look across all of Strata's figures, identical pixels with {@link FieldPlot.Text#BUILT_IN_FONT});
 * and the few charts Strata draws (a trace per step, observed against predicted) do not justify a dependency.
 *
 * <p>Runs headless. Instances are immutable and may be shared between threads.
 */
public final class LinePlot {
    private static final int MARGIN = 16;
    private static final int GAP = 6;
    /** Length in pixels of a series' sample line in the legend. */
    private static final int LEGEND_SAMPLE = 22;
    private static final int TICK_LENGTH = 4;
    private static final int POINT = 5;
    private static final Color INK = Color.BLACK;
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    private static final Color REFERENCE = new Color(0x60, 0x60, 0x60);
    /** matplotlib's "tab10" colours, in order. */
    private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
            0x7f7f7f, 0xbcbd22, 0x17becf};

    private final Options options;
    private final TextPainter text;

    /** How a series is drawn. */
    public enum Style {
        /** Straight segments between consecutive finite points. */
        LINE,
        /** A filled square per finite point. */
        POINTS,
        /**
         * A filled bar from y = 0 (the bottom of a log axis) to each finite point, {@value #BAR_WIDTH} of the
         * closest x spacing of the chart's bars wide. Series are drawn in order, each over the ones before: stacked
         * bars are cumulative sums given largest first.
         */
        BARS;

        /** Width of a bar as a fraction of the closest x spacing. */
        public static final double BAR_WIDTH = 0.6;
    }

    /**
     * One named series; points with a non-finite coordinate (or, on a log axis, {@code y <= 0}) are skipped.
     *
     * @param x, y equal lengths, not modified
     */
    public record Series(String name, double[] x, double[] y, Style style) {
        public Series {
            if (name == null || x == null || y == null || style == null || x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' needs a name, a style and x, y of equal"
                        + " lengths");
            }
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE);
        }

        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.POINTS);
        }

        public static Series bars(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.BARS);
        }
    }

    /** A dashed horizontal line at {@code y}, named in the legend. */
    public record Reference(double y, String name) {
    }

    /**
     * What to draw.
     *
     * @param series     at least one; coloured in order from a ten-colour palette
     * @param logY       logarithmic y axis (ticks at powers of ten)
     * @param references horizontal reference lines; may be empty
     */
    public record Chart(String title, String xLabel, String yLabel, List<Series> series, boolean logY,
                        List<Reference> references) {
        public Chart {
            if (title == null || xLabel == null || yLabel == null || series == null || series.isEmpty()
                    || references == null) {
                throw new IllegalArgumentException("a chart needs a title, axis labels, at least one series and a"
                        + " list of references");
            }
            series = List.copyOf(series);
            references = List.copyOf(references);
        }
    }

    /** Image size in pixels (at least 200 x 150) and how labels are drawn. */
    public record Options(int width, int height, FieldPlot.Text text) {
        public Options {
            if (width < 200 || height < 150 || text == null) {
                throw new IllegalArgumentException("need width >= 200, height >= 150 and a text mode, got " + width
                        + ", " + height + ", " + text);
            }
        }

        /** 640 x 400, {@link FieldPlot.Text#AUTO}. */
        public static Options defaults() {
            return new Options(640, 400, FieldPlot.Text.AUTO);
        }
    }

    public LinePlot() {
        this(Options.defaults());
    }

    public LinePlot(Options options) {
        TextPainter.requireHeadless();
        this.options = options;
        this.text = TextPainter.of(options.text());
    }

    /**
     * Where data land: the plot area in pixels ({@code left..right}, {@code top..bottom}, inclusive) and the data
     * range it shows, x from {@code x0} to {@code x1} and y from {@code y0} to {@code y1} ({@code log10} of them on a
     * log axis); bars are {@code barWidth} wide in x.
     */
    record Frame(int left, int top, int right, int bottom, double x0, double x1, double y0, double y1, boolean logY,
                 List<Double> xTicks, List<Double> yTicks, double barWidth) {
        int px(double x) {
            return left + (int) Math.round((x - x0) / (x1 - x0) * (right - left));
        }

        int py(double y) {
            double v = logY ? Math.log10(y) : y;
            return bottom - (int) Math.round((v - y0) / (y1 - y0) * (bottom - top));
        }

        boolean shows(double x, double y) {
            return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
        }
    }

    /** The plot area and data range {@link #render} uses for {@code chart}. */
    Frame frame(Chart chart) {
        TreeSet<Double> bars = barPositions(chart);
        double spacing = spacing(bars);
        double[] xr = range(chart, true);
        double[] yr = range(chart, false);
        if (spacing > 0) { // whole bars inside the plot area, and their base on a linear axis
            xr = new double[] {xr[0] - spacing / 2, xr[1] + spacing / 2};
            if (!chart.logY()) {
                yr = new double[] {Math.min(yr[0], 0), yr[1]};
            }
        }
        List<Double> xTicks = bars.isEmpty() || bars.size() > 12 ? AxisTicks.linear(xr[0], xr[1], 7)
                : List.copyOf(bars);
        List<Double> yTicks = chart.logY() ? AxisTicks.logarithmic(Math.pow(10, yr[0]), Math.pow(10, yr[1]))
                : AxisTicks.linear(yr[0], yr[1], 6);
        int widest = 0;
        for (double v : yTicks) {
            widest = Math.max(widest, text.width(AxisTicks.label(v), TextPainter.Size.TICK));
        }
        int line = text.height(TextPainter.Size.TICK);
        int left = MARGIN + line + GAP + widest + GAP + TICK_LENGTH;
        int top = MARGIN + text.height(TextPainter.Size.PANEL_TITLE) + 2 * GAP;
        int right = options.width() - MARGIN - text.width(AxisTicks.label(xr[1]), TextPainter.Size.TICK) / 2;
        int bottom = options.height() - MARGIN - line - GAP - line - GAP - TICK_LENGTH;
        if (spacing > 0 && !legendBelow(chart, right - left, bottom - top)) { // room above the bars for the legend
            int legend = 2 * GAP + legendHeight(chart);
            double scale = (bottom - top) / (double) Math.max(1, bottom - top - legend);
            yr = new double[] {yr[0], yr[0] + (yr[1] - yr[0]) * scale};
        }
        return new Frame(left, top, right, bottom, xr[0], xr[1], yr[0], yr[1], chart.logY(), xTicks, yTicks,
                Style.BAR_WIDTH * spacing);
    }

    /** The distinct finite x of the chart's bars (their ticks when there are few). */
    private static TreeSet<Double> barPositions(Chart chart) {
        TreeSet<Double> xs = new TreeSet<>();
        for (Series s : chart.series()) {
            if (s.style() == Style.BARS) {
                for (double x : s.x()) {
                    if (Double.isFinite(x)) {
                        xs.add(x);
                    }
                }
            }
        }
        return xs;
    }

    /** The closest spacing of {@code xs} (1 for a single x), or 0 for none. */
    private static double spacing(TreeSet<Double> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        double closest = Double.POSITIVE_INFINITY;
        Double previous = null;
        for (double x : xs) {
            if (previous != null) {
                closest = Math.min(closest, x - previous);
            }
            previous = x;
        }
        return Double.isFinite(closest) ? closest : 1;
    }

    /** Finite data range of x or of y (log10 on a log axis, with references), widened when empty or a point. */
    private static double[] range(Chart chart, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = !x && chart.logY();
        for (Series s : chart.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!chart.logY() || s.y()[i] > 0)) {
                    double v = x ? s.x()[i] : log ? Math.log10(s.y()[i]) : s.y()[i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!x) {
            for (Reference r : chart.references()) {
                if (!log || r.y() > 0) {
                    double v = log ? Math.log10(r.y()) : r.y();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        double pad = x ? 0 : 0.04 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    /**
     * Draws the chart as an RGB image of {@link Options#width()} x {@link Options#height()} pixels, taller by the
     * legend's height where the legend goes below the plot ({@link #legendBelow}), and wider where it is wider.
     */
    public BufferedImage render(Chart chart) {
        Frame f = frame(chart);
        boolean below = legendBelow(chart, f.right() - f.left(), f.bottom() - f.top());
        int height = options.height() + (below ? legendHeight(chart) + GAP : 0);
        int width = below ? Math.max(options.width(), MARGIN + legendWidth(chart) + MARGIN) : options.width();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int titleX = (width - text.width(chart.title(), TextPainter.Size.PANEL_TITLE)) / 2;
            text.draw(g, chart.title(), Math.max(MARGIN, titleX), MARGIN, TextPainter.Size.PANEL_TITLE, INK);
            drawAxes(g, f, chart);
            Graphics2D plot = (Graphics2D) g.create(f.left(), f.top(), f.right() - f.left() + 1,
                    f.bottom() - f.top() + 1);
            try {
                plot.translate(-f.left(), -f.top());
                plot.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                for (Reference r : chart.references()) {
                    if (f.shows(0, r.y())) {
                        plot.setColor(REFERENCE);
                        plot.setStroke(dashed());
                        plot.drawLine(f.left(), f.py(r.y()), f.right(), f.py(r.y()));
                    }
                }
                for (int k = 0; k < chart.series().size(); k++) {
                    drawSeries(plot, f, chart.series().get(k), colour(k), lineStroke(k));
                }
            } finally {
                plot.dispose();
            }
            drawLegend(g, f, chart, below ? options.height() : -1);
            g.setColor(INK);
            g.drawRect(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws the chart and writes it as a PNG, atomically. */
    public void write(Path png, Chart chart) throws IOException {
        PngFiles.write(png, render(chart));
    }

    /** The colour of series {@code k}: the palette's, again from its start after its last colour. */
    static Color colour(int k) {
        return new Color(PALETTE[k % PALETTE.length]);
    }

    /**
     * The stroke of line series {@code k}: solid for the palette's first round of colours, dashed once the colours
     * repeat, so that two lines of one colour stay apart in the plot and the legend.
     */
    static BasicStroke lineStroke(int k) {
        return k < PALETTE.length ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f);
    }

    private void drawAxes(Graphics2D g, Frame f, Chart chart) {
        TextPainter.Size size = TextPainter.Size.TICK;
        int line = text.height(size);
        for (double v : f.xTicks()) {
            int x = f.px(v);
            g.setColor(GRID);
            g.drawLine(x, f.top() + 1, x, f.bottom() - 1);
            g.setColor(INK);
            g.drawLine(x, f.bottom() + 1, x, f.bottom() + TICK_LENGTH);
            String l = AxisTicks.label(v);
            text.draw(g, l, x - text.width(l, size) / 2, f.bottom() + TICK_LENGTH + GAP / 2, size, INK);
        }
        for (double v : f.yTicks()) {
            int y = f.py(v);
            g.setColor(GRID);
            g.drawLine(f.left() + 1, y, f.right() - 1, y);
            g.setColor(INK);
            g.drawLine(f.left() - TICK_LENGTH, y, f.left() - 1, y);
            String l = AxisTicks.label(v);
            text.draw(g, l, f.left() - TICK_LENGTH - GAP / 2 - text.width(l, size), y - line / 2, size, INK);
        }
        int xName = f.left() + (f.right() - f.left() - text.width(chart.xLabel(), size)) / 2;
        text.draw(g, chart.xLabel(), xName, f.bottom() + TICK_LENGTH + GAP / 2 + line + GAP, size, INK);
        int yName = f.top() + Math.max(0, (f.bottom() - f.top() - text.width(chart.yLabel(), size)) / 2);
        text.drawUpwards(g, chart.yLabel(), MARGIN, yName, size, INK);
    }

    private static void drawSeries(Graphics2D g, Frame f, Series s, Color colour, BasicStroke line) {
        g.setColor(colour);
        if (s.style() == Style.BARS) {
            int base = f.logY() ? f.bottom() : f.py(0);
            for (int i = 0; i < s.x().length; i++) {
                if (f.shows(s.x()[i], s.y()[i])) {
                    int l = f.px(s.x()[i] - f.barWidth() / 2);
                    int r = f.px(s.x()[i] + f.barWidth() / 2);
                    int top = Math.min(base, f.py(s.y()[i]));
                    g.fillRect(l, top, Math.max(1, r - l), Math.max(1, Math.abs(base - f.py(s.y()[i]))));
                }
            }
            return;
        }
        if (s.style() == Style.POINTS) {
            for (int i = 0; i < s.x().length; i++) {
                if (f.shows(s.x()[i], s.y()[i])) {
                    g.fillRect(f.px(s.x()[i]) - POINT / 2, f.py(s.y()[i]) - POINT / 2, POINT, POINT);
                }
            }
            return;
        }
        g.setStroke(line);
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!f.shows(s.x()[i], s.y()[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                path.lineTo(f.px(s.x()[i]), f.py(s.y()[i]));
            } else {
                path.moveTo(f.px(s.x()[i]), f.py(s.y()[i]));
                pen = true;
            }
        }
        g.draw(path);
    }

    /** Height in pixels of the legend box. */
    private int legendHeight(Chart chart) {
        int line = text.height(TextPainter.Size.TICK) + 2;
        return GAP + (chart.series().size() + chart.references().size()) * line + GAP / 2;
    }

    /** Width in pixels of the legend box. */
    private int legendWidth(Chart chart) {
        List<String> names = legendNames(chart);
        return GAP + LEGEND_SAMPLE + GAP + names.stream().mapToInt(n -> text.width(n, TextPainter.Size.TICK)).max()
                .orElse(0) + GAP;
    }

    private static List<String> legendNames(Chart chart) {
        List<String> names = new ArrayList<>();
        chart.series().forEach(s -> names.add(s.name()));
        chart.references().forEach(r -> names.add(r.name()));
        return names;
    }

    /**
     * Whether the legend goes below the plot, in a band the image grows by, rather than over the top-right corner of
     * a plot area {@code areaWidth} x {@code areaHeight} pixels: where it would cover more than half the area's width
     * or a third of its height (many or long names). Bars then need no room left above them for it.
     */
    boolean legendBelow(Chart chart, int areaWidth, int areaHeight) {
        return 2 * legendWidth(chart) > areaWidth || 3 * legendHeight(chart) > areaHeight;
    }

    /**
     * A box naming every series and reference line: in the top-right corner of the plot area, or at {@code belowY}
     * from the image's left margin when that is {@code >= 0}.
     */
    private void drawLegend(Graphics2D g, Frame f, Chart chart, int belowY) {
        TextPainter.Size size = TextPainter.Size.TICK;
        int line = text.height(size) + 2;
        int sample = LEGEND_SAMPLE;
        List<String> names = legendNames(chart);
        int w = legendWidth(chart);
        int h = legendHeight(chart);
        int x = belowY >= 0 ? MARGIN : f.right() - GAP - w;
        int y = belowY >= 0 ? belowY : f.top() + GAP;
        g.setColor(Color.WHITE);
        g.fillRect(x, y, w, h);
        g.setColor(REFERENCE);
        g.drawRect(x, y, w, h);
        for (int i = 0; i < names.size(); i++) {
            int cy = y + GAP + i * line + line / 2 - 1;
            if (i < chart.series().size()) {
                g.setColor(colour(i));
                if (chart.series().get(i).style() == Style.POINTS) {
                    g.fillRect(x + GAP + sample / 2 - POINT / 2, cy - POINT / 2, POINT, POINT);
                } else if (chart.series().get(i).style() == Style.BARS) {
                    g.fillRect(x + GAP + sample / 4, cy - line / 3, sample / 2, 2 * line / 3);
                } else {
                    Graphics2D d = (Graphics2D) g.create();
                    d.setStroke(lineStroke(i));
                    d.drawLine(x + GAP, cy, x + GAP + sample, cy);
                    d.dispose();
                }
            } else {
                Graphics2D d = (Graphics2D) g.create();
                d.setColor(REFERENCE);
                d.setStroke(dashed());
                d.drawLine(x + GAP, cy, x + GAP + sample, cy);
                d.dispose();
            }
            text.draw(g, names.get(i), x + GAP + sample + GAP, y + GAP + i * line, size, INK);
        }
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
