package dev.strata.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Joins figures into one image, left-aligned top to bottom or top-aligned left to right, on white. */
public final class ImageStack {
    private ImageStack() {
    }

    /** The images one below the other. */
    public static BufferedImage vertical(List<BufferedImage> images) {
        return join(images, true);
    }

    /** The images side by side. */
    public static BufferedImage horizontal(List<BufferedImage> images) {
        return join(images, false);
    }

    private static BufferedImage join(List<BufferedImage> images, boolean down) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("nothing to join: no images");
        }
        int along = 0;
        int across = 0;
        for (BufferedImage i : images) {
            along += down ? i.getHeight() : i.getWidth();
            across = Math.max(across, down ? i.getWidth() : i.getHeight());
        }
        BufferedImage out = new BufferedImage(down ? across : along, down ? along : across,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            int at = 0;
            for (BufferedImage i : images) {
                g.drawImage(i, down ? 0 : at, down ? at : 0, null);
                at += down ? i.getHeight() : i.getWidth();
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
