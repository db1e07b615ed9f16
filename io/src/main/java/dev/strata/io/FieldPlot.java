package dev.strata.io;


import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Renders 2-D fields as a PNG figure: a grid of panels, each with a title, the field drawn cell by cell (depth
 * down, {@code pixelsPerCell} pixels per cell, no smoothing), a frame, optional vertical marker lines through the centre of chosen columns (e.g. wells: white, edged black) and
 * a colour bar labelled with its max (top), middle (when there is room) and min (bottom) values; a figure title above all.
 * A panel {@linkplain Panel#withAxes with axes} also gets round-number ticks in physical units down its left side
 * (e.g. depth in m) and along its bottom (e.g. distance in m), with the axis names; a panel without keeps none.
 *
 * <pre>{@code
 * ValueRange shared = ValueRange.of(truth, mean);
 * new FieldPlot().write(Path.of("out/posterior.png"), "DPS posterior, 64 samples", List.of(
 *         Panel.of("truth", truth, nz, nx, Colormap.VIRIDIS).withRange(shared).withMarkers(20, 80),
 *         Panel.of("mean", mean, nz, nx, Colormap.VIRIDIS).withRange(shared),
 *         Panel.of("std", std, nz, nx, Colormap.VIRIDIS),
 *         Panel.of("shot 0", traces, nt, nrec, Colormap.SEISMIC)));
 * }</pre>
 *
 * <h2>Why hand-written and not a plotting library</h2>
 * These figures are raster images of grids, not charts: every cell maps to a block of pixels, so the core is a loop
 * writing ints into a {@link BufferedImage}. XChart's {@code HeatMapChart} (the best-kept Java option) draws every
 * cell as a separate shape, with chart axes and a legend we do not want, and leaves little control over depth-down
 * orientation, square cells and shared ranges; JFreeChart's block renderer is similar. Both draw text through AWT and
 * so fail the same way on a machine without fonts (below), and both would add dependencies for about 300 lines of
 * code here. {@link ImageIO} and {@link BufferedImage} come with the JDK.
 *
 * <h2>Text</h2>
 * On Linux the JDK needs fontconfig fonts to draw any text: with none installed (a bare container) Temurin 25 throws
 * "Fontconfig head is null" at the first label. {@link Text#AUTO} therefore tries a system font (SansSerif) once, when
 * the plot is created, and falls back to a built-in 5 x 9 bitmap font; {@link Text#BUILT_IN_FONT} always uses the
 * bitmap font, whose output is identical on every machine.
 *
 * <p>Runs headless: sets {@code java.awt.headless=true} unless the property is already set. Instances are immutable
 * and may be shared between threads.
 */
public final class FieldPlot {

    private static final int MARGIN = 16;
    private static final int CELL_GAP = 24;
    private static final int TITLE_GAP = 6;
    private static final int BAR_GAP = 10;
    private static final int BAR_WIDTH = 16;
    private static final int TICK_LENGTH = 4;
    private static final int LABEL_GAP = 3;
    private static final Color INK = Color.BLACK;
    private static final Color FRAME = new Color(0x40, 0x40, 0x40);

    private final Options options;
    private final TextPainter text;

    /** How labels are drawn. */
    public enum Text {
        /** A system font if one works on this machine, else the built-in bitmap font. */
        AUTO,
        /** A system font through AWT; rendering fails on a machine with no fonts. */
        SYSTEM_FONT,
        /** The built-in bitmap font: works everywhere, same pixels everywhere. */
        BUILT_IN_FONT
    }

    /**
     * Figure settings.
     *
     * @param columns       panels per row, {@code >= 1}
     * @param pixelsPerCell side of the square drawn for one field cell, 1 to 32; 4 shows an 80 x 100 field at
     *                      320 x 400 pixels
     * @param text          how labels are drawn
     */
    public record Options(int columns, int pixelsPerCell, Text text) {
        public Options {
            if (columns < 1 || pixelsPerCell < 1 || pixelsPerCell > 32 || text == null) {
                throw new IllegalArgumentException("need columns >= 1, 1 <= pixelsPerCell <= 32 and a text mode, got "
                        + columns + ", " + pixelsPerCell + ", " + text);
            }
        }

        /** 3 columns, 4 pixels per cell, {@link Text#AUTO}. */
        public static Options defaults() {
            return new Options(3, 4, Text.AUTO);
        }

        public Options withColumns(int value) {
            return new Options(value, pixelsPerCell, text);
        }

        public Options withPixelsPerCell(int value) {
            return new Options(columns, value, text);
        }

        public Options withText(Text value) {
            return new Options(columns, pixelsPerCell, value);
        }
    }

    /** A plot with {@link Options#defaults()}. */
    public FieldPlot() {
        this(Options.defaults());
    }

    public FieldPlot(Options options) {
        TextPainter.requireHeadless();
        this.options = options;
        this.text = TextPainter.of(options.text());
    }

    /** Whether labels are drawn with a system font (else with the built-in bitmap font). */
    public boolean usesSystemFont() {
        return text instanceof TextPainter.SystemFont;
    }

    /**
     * Draws the figure.
     *
     * @param title  figure title; may be empty
     * @param panels at least one; laid out row by row, {@link Options#columns()} per row
     * @return an RGB image; its size follows from the panels, the options and the labels
     */
    public BufferedImage render(String title, List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no panels");
        }
        List<Block> blocks = panels.stream().map(this::layout).toList();
        int columns = Math.min(options.columns(), panels.size());
        int rows = (panels.size() + columns - 1) / columns;
        int[] columnLeft = new int[columns + 1];
        int[] rowTop = new int[rows + 1];
        for (int c = 0; c < columns; c++) {
            int widest = 0;
            for (int i = c; i < blocks.size(); i += columns) {
                widest = Math.max(widest, blocks.get(i).width());
            }
            columnLeft[c + 1] = columnLeft[c] + widest + CELL_GAP;
        }
        for (int r = 0; r < rows; r++) {
            int tallest = 0;
            for (int i = r * columns; i < Math.min(blocks.size(), (r + 1) * columns); i++) {
                tallest = Math.max(tallest, blocks.get(i).height());
            }
            rowTop[r + 1] = rowTop[r] + tallest + CELL_GAP;
        }
        int titleHeight = title.isEmpty() ? 0 : text.height(TextPainter.Size.FIGURE_TITLE) + CELL_GAP / 2;
        int gridWidth = columnLeft[columns] - CELL_GAP;
        int width = 2 * MARGIN + Math.max(gridWidth, text.width(title, TextPainter.Size.FIGURE_TITLE));
        int height = 2 * MARGIN + titleHeight + rowTop[rows] - CELL_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (!title.isEmpty()) {
                int x = (width - text.width(title, TextPainter.Size.FIGURE_TITLE)) / 2;
                text.draw(g, title, x, MARGIN, TextPainter.Size.FIGURE_TITLE, INK);
            }
            for (int i = 0; i < blocks.size(); i++) {
                int x = MARGIN + columnLeft[i % columns];
                int y = MARGIN + titleHeight + rowTop[i / columns];
                draw(g, image, blocks.get(i), x, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the figure and writes it as a PNG, atomically (temporary file, then rename).
     *
     * @throws IOException naming {@code png} if it cannot be written; no partial file remains
     */
    public void write(Path png, String title, List<Panel> panels) throws IOException {
        PngFiles.write(png, render(title, panels));
    }

    /** Label for a colour-bar tick: see {@link AxisTicks#label}. */
    static String label(double v) {
        return AxisTicks.label(v);
    }

    /**
     * Sizes and labels of one panel, relative to its cell's top-left corner: the field's frame starts at
     * ({@code fieldLeft}, {@code fieldTop}); {@code axes} is null for a panel without axes.
     */
    private record Block(Panel panel, ValueRange range, String[] labels, int fieldLeft, int fieldTop, int width,
                         int height, AxisLayout axes) {
    }

    /** Tick values along the rows (down) and columns (across) of a panel with axes, and the margins they take. */
    private record AxisLayout(List<Double> rowTicks, List<Double> columnTicks, AxisMargins margins) {
    }

    /** Room taken by axes: to the left of the field's frame and below it. */
    record AxisMargins(int left, int bottom) {
    }

    /** The margins that {@code panel}'s axes add to its block; zero for a panel without axes. */
    AxisMargins axisMargins(Panel panel) {
        AxisLayout a = axisLayout(panel);
        return a == null ? new AxisMargins(0, 0) : a.margins();
    }

    private AxisLayout axisLayout(Panel panel) {
        Panel.Axes axes = panel.axes();
        if (axes == null) {
            return null;
        }
        int p = options.pixelsPerCell();
        int lineHeight = text.height(TextPainter.Size.TICK);
        double depth = panel.nz() * axes.rowStep();
        double across = panel.nx() * axes.columnStep();
        List<Double> rows = ticks(depth, panel.nz() * p / (2 * lineHeight));
        int columnLabel = text.width(AxisTicks.label(across), TextPainter.Size.TICK) + 4 * LABEL_GAP;
        List<Double> columns = ticks(across, panel.nx() * p / columnLabel);
        int widest = 0;
        for (double v : rows) {
            widest = Math.max(widest, text.width(AxisTicks.label(v), TextPainter.Size.TICK));
        }
        int left = lineHeight + LABEL_GAP + widest + LABEL_GAP + TICK_LENGTH;
        int bottom = TICK_LENGTH + LABEL_GAP + lineHeight + LABEL_GAP + lineHeight;
        return new AxisLayout(rows, columns, new AxisMargins(left, bottom));
    }

    /** Round ticks in {@code [0, extent]}, at most 6 and at most {@code room}; just 0 if there is room for one. */
    private static List<Double> ticks(double extent, int room) {
        List<Double> ticks = AxisTicks.linear(0, extent, Math.clamp(room, 2, 6));
        return room < 2 ? ticks.subList(0, 1) : ticks;
    }

    private Block layout(Panel panel) {
        ValueRange range = panel.effectiveRange();
        String[] labels = {label(range.max()), label((range.min() + range.max()) / 2), label(range.min())};
        int labelWidth = 0;
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, text.width(l, TextPainter.Size.TICK));
        }
        AxisLayout axes = axisLayout(panel);
        AxisMargins margins = axes == null ? new AxisMargins(0, 0) : axes.margins();
        int p = options.pixelsPerCell();
        int halfTick = text.height(TextPainter.Size.TICK) / 2 + 1;
        int fieldTop = text.height(TextPainter.Size.PANEL_TITLE) + Math.max(TITLE_GAP, halfTick);
        int graphicsWidth = margins.left() + panel.nx() * p + 2 + BAR_GAP + BAR_WIDTH + 2 + TICK_LENGTH + LABEL_GAP
                + labelWidth;
        int axisNameWidth = axes == null ? 0
                : margins.left() + text.width(panel.axes().columnLabel(), TextPainter.Size.TICK);
        int width = Math.max(Math.max(graphicsWidth, axisNameWidth),
                text.width(panel.title(), TextPainter.Size.PANEL_TITLE));
        int height = fieldTop + panel.nz() * p + 2 + Math.max(halfTick, margins.bottom());
        return new Block(panel, range, labels, margins.left(), fieldTop, width, height, axes);
    }

    private void draw(Graphics2D g, BufferedImage image, Block b, int blockX, int y) {
        Panel panel = b.panel();
        int p = options.pixelsPerCell();
        int w = panel.nx() * p;
        int h = panel.nz() * p;
        int top = y + b.fieldTop();
        int x = blockX + b.fieldLeft();
        if (b.axes() != null) {
            drawAxes(g, panel.axes(), b.axes(), blockX, x, top, w, h);
        }

        int titleWidth = text.width(panel.title(), TextPainter.Size.PANEL_TITLE);
        int titleX = Math.max(x, x + (w + 2 - titleWidth) / 2);
        text.draw(g, panel.title(), titleX, y, TextPainter.Size.PANEL_TITLE, INK);

        image.setRGB(x + 1, top + 1, w, h, fieldPixels(panel, b.range(), p), 0, w);
        for (int column : panel.markerColumns()) {
            int centre = x + 1 + column * p + p / 2;
            g.setColor(Color.BLACK);
            g.fillRect(centre - 1, top + 1, 3, h);
            g.setColor(Color.WHITE);
            g.fillRect(centre, top + 1, 1, h);
        }
        g.setColor(FRAME);
        g.drawRect(x, top, w + 1, h + 1);

        int barX = x + w + 2 + BAR_GAP;
        g.drawRect(barX, top, BAR_WIDTH + 1, h + 1);
        image.setRGB(barX + 1, top + 1, BAR_WIDTH, h, barPixels(panel.colormap(), h), 0, BAR_WIDTH);

        int tickX = barX + BAR_WIDTH + 2;
        int[] tickY = {top + 1, top + 1 + h / 2, top + h};
        int lineHeight = text.height(TextPainter.Size.TICK);
        boolean roomForMiddle = h >= 3 * lineHeight;
        for (int i = 0; i < 3; i++) {
            if (i == 1 && !roomForMiddle) {
                continue;
            }
            g.setColor(INK);
            g.drawLine(tickX, tickY[i], tickX + TICK_LENGTH - 1, tickY[i]);
            text.draw(g, b.labels()[i], tickX + TICK_LENGTH + LABEL_GAP, tickY[i] - lineHeight / 2,
                    TextPainter.Size.TICK, INK);
        }
    }

    /** Ticks, tick labels and axis names left of and below the field whose frame starts at ({@code x}, {@code top}). */
    private void drawAxes(Graphics2D g, Panel.Axes axes, AxisLayout a, int blockX, int x, int top, int w, int h) {
        TextPainter.Size size = TextPainter.Size.TICK;
        int lineHeight = text.height(size);
        double depth = h / (double) options.pixelsPerCell() * axes.rowStep();
        double across = w / (double) options.pixelsPerCell() * axes.columnStep();
        g.setColor(INK);
        for (double v : a.rowTicks()) {
            int ty = top + 1 + (int) Math.round(Math.min(v / depth, 1) * (h - 1));
            g.drawLine(x - TICK_LENGTH, ty, x - 1, ty);
            String l = AxisTicks.label(v);
            text.draw(g, l, x - TICK_LENGTH - LABEL_GAP - text.width(l, size), ty - lineHeight / 2, size, INK);
        }
        int nameTop = top + Math.max(0, (h + 2 - text.width(axes.rowLabel(), size)) / 2);
        text.drawUpwards(g, axes.rowLabel(), blockX, nameTop, size, INK);
        int below = top + h + 2;
        for (double v : a.columnTicks()) {
            int tx = x + 1 + (int) Math.round(Math.min(v / across, 1) * (w - 1));
            g.setColor(INK);
            g.drawLine(tx, below, tx, below + TICK_LENGTH - 1);
            String l = AxisTicks.label(v);
            text.draw(g, l, tx - text.width(l, size) / 2, below + TICK_LENGTH + LABEL_GAP, size, INK);
        }
        int nameWidth = text.width(axes.columnLabel(), size);
        text.draw(g, axes.columnLabel(), Math.max(blockX, x + (w + 2 - nameWidth) / 2),
                below + TICK_LENGTH + LABEL_GAP + lineHeight + LABEL_GAP, size, INK);
    }

    /** The field as {@code w x h} RGB pixels, row-major, each cell a {@code p x p} block. */
    private static int[] fieldPixels(Panel panel, ValueRange range, int p) {
        int nx = panel.nx();
        int w = nx * p;
        int[] pixels = new int[w * panel.nz() * p];
        float[] v = panel.values();
        for (int z = 0; z < panel.nz(); z++) {
            int rowStart = z * p * w;
            for (int x = 0; x < nx; x++) {
                int rgb = panel.colormap().rgb(range.normalize(v[z * nx + x]));
                for (int dx = 0; dx < p; dx++) {
                    pixels[rowStart + x * p + dx] = rgb;
                }
            }
            for (int dy = 1; dy < p; dy++) {
                System.arraycopy(pixels, rowStart, pixels, rowStart + dy * w, w);
            }
        }
        return pixels;
    }

    /** A vertical colour bar, {@code t = 1} at the top row and {@code t = 0} at the bottom row. */
    private static int[] barPixels(Colormap colormap, int h) {
        int[] pixels = new int[BAR_WIDTH * h];
        for (int row = 0; row < h; row++) {
            double t = h == 1 ? 1 : 1.0 - (double) row / (h - 1);
            Arrays.fill(pixels, row * BAR_WIDTH, (row + 1) * BAR_WIDTH, colormap.rgb(t));
        }
        return pixels;
    }

}
