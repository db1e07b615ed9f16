package dev.strata.io;

/**
 * Colour maps from a normalised value {@code t} in [0, 1] to 24-bit RGB ({@code 0xRRGGBB}). Each map is a short list
 * of evenly spaced key colours, linearly interpolated into a 256-entry lookup table.
 *
 * <ul>
 *   <li>{@link #VIRIDIS}: perceptually uniform, for general fields (velocity, mean, std). 49 key points sampled from
 *       the published 256-entry table of matplotlib / BIDS (CC0); the interpolated map stays within 0.55/255 of it.
 *   <li>{@link #SEISMIC}: matplotlib's "seismic" (dark blue, blue, white, red, dark red), for signed data such as
 *       seismic traces; zero is white when the range is symmetric.
 *   <li>{@link #RDBU} and {@link #RDBU_R}: ColorBrewer's 11-class RdBu (red low, blue high) and its reverse (blue
 *       low, red high), gentler diverging maps for signed differences.
 *   <li>{@link #GREY}: black to white, for facies and masks.
 * </ul>
 *
 * Values that are not a number map to {@link #NAN_RGB}, a magenta that appears in none of these maps.
 */
public enum Colormap {
    VIRIDIS(false, """
            440154 46095c 471163 48186a 481f71 482676 472d7b 46337f 443a83 424086 404688 3d4c8a \
            3b528b 38588c 355d8d 33638d 31688e 2e6d8e 2c728e 2a778e 287c8e 26818e 24868e 228b8d \
            21908c 1f958b 1f9a8a 1f9f88 20a486 23a983 28ae80 2eb37d 35b779 3ebc74 47c06f 51c569 \
            5dc963 68cc5c 75d054 82d34c 8fd744 9dd93b abdc32 b9de29 c7e020 d5e21a e3e418 f0e51c \
            fde725"""),
    SEISMIC(true, "00004c 0000ff ffffff ff0000 800000"),
    RDBU(true, "67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061"),
    RDBU_R(true, "053061 2166ac 4393c3 92c5de d1e5f0 f7f7f7 fddbc7 f4a582 d6604d b2182b 67001f"),
    GREY(false, "000000 ffffff");

    /** Colour for values that are not a number. */
    public static final int NAN_RGB = 0xff00ff;

    private static final int LEVELS = 256;

    private final boolean diverging;
    private final int[] table = new int[LEVELS];

    Colormap(boolean diverging, String keys) {
        this.diverging = diverging;
        String[] hex = keys.trim().split("\\s+");
        int last = hex.length - 1;
        for (int i = 0; i < LEVELS; i++) {
            double pos = (double) i / (LEVELS - 1) * last;
            int k = Math.min((int) pos, last - 1);
            table[i] = mix(Integer.parseInt(hex[k], 16), Integer.parseInt(hex[k + 1], 16), pos - k);
        }
    }

    /** Whether the map is centred on a neutral colour, meant for signed data with a range symmetric about zero. */
    public boolean diverging() {
        return diverging;
    }

    /**
     * The colour at {@code t}, clamped to [0, 1]; {@link #NAN_RGB} when {@code t} is not a number.
     *
     * @return {@code 0xRRGGBB}
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return NAN_RGB;
        }
        double clamped = Math.clamp(t, 0.0, 1.0);
        return table[(int) Math.round(clamped * (LEVELS - 1))];
    }

    private static int mix(int a, int b, double w) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xff;
            int cb = (b >> shift) & 0xff;
            rgb |= (int) Math.round(ca + (cb - ca) * w) << shift;
        }
        return rgb;
    }
}
