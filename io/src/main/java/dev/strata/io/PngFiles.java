package dev.strata.io;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes images as PNG files, atomically (temporary file, then rename). */
public final class PngFiles {
    private PngFiles() {
    }

    /** @throws IOException naming {@code png} if it cannot be written; no partial file remains */
    public static void write(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, "PNG image", temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("this JDK has no PNG encoder");
                }
            }
        });
    }
}
