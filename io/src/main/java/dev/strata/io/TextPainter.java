package dev.strata.io;

import org.slf4j.LoggerFactory;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;

/** Draws one-line labels, either with a system font through AWT or with a built-in bitmap font. */
sealed interface TextPainter permits TextPainter.Bitmap, TextPainter.SystemFont {

    /** The three kinds of label in a figure. */
    enum Size {
        TICK, PANEL_TITLE, FIGURE_TITLE
    }

    /** Width of {@code text} in pixels. */
    int width(String text, Size size);

    /** Height of one line in pixels, from the top of capitals to the bottom of descenders. */
    int height(Size size);

    /** Draws {@code text} with its line's top-left corner at ({@code x}, {@code top}). */
    void draw(Graphics2D g, String text, int x, int top, Size size, Color color);

    /**
     * Draws {@code text} turned a quarter left (reading bottom to top) in the box {@code height(size)} wide and
     * {@code width(text, size)} tall whose top-left corner is ({@code x}, {@code top}).
     */
    default void drawUpwards(Graphics2D g, String text, int x, int top, Size size, Color color) {
        Graphics2D turned = (Graphics2D) g.create();
        try {
            turned.translate(x, top + width(text, size));
            turned.rotate(-Math.PI / 2);
            draw(turned, text, 0, 0, size, color);
        } finally {
            turned.dispose();
        }
    }

    /**
     * The painter for a text mode; {@link FieldPlot.Text#AUTO} probes for a system font once and logs when it falls
     * back to the bitmap font.
     *
     * @throws IllegalStateException for {@link FieldPlot.Text#SYSTEM_FONT} on a machine whose JDK cannot draw text
     */
    static TextPainter of(FieldPlot.Text mode) {
        return switch (mode) {
            case BUILT_IN_FONT -> new Bitmap();
            case SYSTEM_FONT -> {
                SystemFont f = SystemFont.probe();
                if (f == null) {
                    throw new IllegalStateException("Text.SYSTEM_FONT was asked for, but the JDK cannot draw text"
                            + " with the fonts on this machine. Fix: install a font package (e.g."
                            + " fonts-dejavu-core) or use Text.AUTO or Text.BUILT_IN_FONT.");
                }
                yield f;
            }
            case AUTO -> {
                SystemFont f = SystemFont.probe();
                if (f == null) {
                    LoggerFactory.getLogger(TextPainter.class).info("No usable system font (fontconfig"
                            + " finds none); labels use the built-in bitmap font");
                }
                yield f != null ? f : new Bitmap();
            }
        };
    }

    /** Sets {@code java.awt.headless=true} unless the property is already set. */
    static void requireHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * A 5 x 9 pixel font for printable ASCII, scaled by whole pixels; other characters are drawn as '?'. Needs no
     * font files, so labels render on machines with no fonts installed, and identically everywhere.
     */
    record Bitmap() implements TextPainter {
        private static final int COLS = 5;
        private static final int ROWS = 9;
        /**
         * Glyphs of characters 32 to 126 in order, {@value #ROWS} characters each, one per row from the top: a row is
         * a base-32 digit (0-9, A-V) whose bit 4 is the leftmost pixel. Rows 0-6 reach the baseline, 7-8 descend.
         */
        private static final String GLYPHS = """
            000000000444440400AA0000000AAVAVAA004FKE5U400OP248J300CIK8LID00440000000248884200842224800
            04LEL4000044V4400000000CC48000V0000000000CC00122488G00EHJLPHE004C4444E00EH1248V00V2421HE00
            26AIV2200VGU11HE0068GUHHE00V12488800EHHEHHE00EHHF12C000CC0CC0000CC0CC480248G8420000V0V0000
            842124800EH1240400EH1DLLE00EHHVHHH00UHHUHHU00EHGGGHE00SIHHHIS00VGGUGGV00VGGUGGG00EHGNHHF00
            HHHVHHH00E44444E0072222IC00HIKOKIH00GGGGGGV00HRLLHHH00HHPLJHH00EHHHHHE00UHHUGGG00EHHHLID00
            UHHUKIH00FGGE11U00V44444400HHHHHHE00HHHHHA400HHHLLLA00HHA4AHH00HHA444400V1248GV00E88888E00
            G88422100E22222E004AH0000000000000V084000000000E1FHF00GGMPHHU0000EGGHE0011DJHHF0000EHVGE00
            698S8880000FHHHF1EGGMPHHH0040C444E002062222ICGGIKOKI00C44444E0000QLLHH0000MPHHH0000EHHHE00
            00UHHHUGG00FHHHF1100MPGGG0000FGE1U0088S88960000HHHJD0000HHHA40000HHLLA0000HA4AH0000HHHHF1E
            00V248V00244844200444444400844244800008L20000""".replace("\n", "");

        @Override
        public int width(String text, Size size) {
            return text.isEmpty() ? 0 : scale(size) * ((COLS + 1) * text.length() - 1);
        }

        @Override
        public int height(Size size) {
            return scale(size) * ROWS;
        }

        @Override
        public void draw(Graphics2D g, String text, int x, int top, Size size, Color color) {
            int s = scale(size);
            g.setColor(color);
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                int glyph = (ch >= 32 && ch < 127 ? ch : '?') - 32;
                int left = x + i * (COLS + 1) * s;
                for (int r = 0; r < ROWS; r++) {
                    int bits = Character.digit(GLYPHS.charAt(glyph * ROWS + r), 32);
                    for (int c = 0; c < COLS; c++) {
                        if ((bits & (1 << (COLS - 1 - c))) != 0) {
                            g.fillRect(left + c * s, top + r * s, s, s);
                        }
                    }
                }
            }
        }

        private static int scale(Size size) {
            return size == Size.FIGURE_TITLE ? 3 : 2;
        }
    }

    /** Anti-aliased SansSerif through AWT; needs at least one font known to fontconfig. */
    final class SystemFont implements TextPainter {
        private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

        private final Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        private final Font panelTitle = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        private final Font figureTitle = new Font(Font.SANS_SERIF, Font.BOLD, 18);

        private SystemFont() {
        }

        /**
         * The system font painter if AWT can lay out and draw text here, else {@code null}. On Linux with no fonts
         * installed the JDK throws ("Fontconfig head is null") at the first use of a font; that is caught here.
         */
        static SystemFont probe() {
            try {
                BufferedImage scratch = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scratch.createGraphics();
                try {
                    SystemFont text = new SystemFont();
                    text.draw(g, "0.5", 0, 0, Size.TICK, Color.WHITE);
                    return text.width("0.5", Size.TICK) > 0 ? text : null;
                } finally {
                    g.dispose();
                }
            } catch (RuntimeException | LinkageError | InternalError e) {
                return null;
            }
        }

        @Override
        public int width(String text, Size size) {
            return (int) Math.ceil(font(size).getStringBounds(text, FRC).getWidth());
        }

        @Override
        public int height(Size size) {
            LineMetrics m = font(size).getLineMetrics("Ag", FRC);
            return (int) Math.ceil(m.getAscent() + m.getDescent());
        }

        @Override
        public void draw(Graphics2D g, String text, int x, int top, Size size, Color color) {
            Font font = font(size);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(color);
            g.drawString(text, x, top + Math.round(font.getLineMetrics(text, FRC).getAscent()));
        }

        private Font font(Size size) {
            return switch (size) {
                case TICK -> tick;
                case PANEL_TITLE -> panelTitle;
                case FIGURE_TITLE -> figureTitle;
            };
        }
    }
}
