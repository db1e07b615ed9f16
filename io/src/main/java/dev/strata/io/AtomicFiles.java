package dev.strata.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all-or-nothing: the content goes to a hidden temporary file in the target's directory, is flushed to
 * disk, and is then renamed onto the target in one atomic step. On any failure the temporary file is deleted and an
 * {@link IOException} says what failed, where, and how to fix it; an existing target is left untouched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically; see {@link #write}. */
    public static void writeText(Path target, String what, String text) throws IOException {
        write(target, what, temp -> Files.writeString(temp, text, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes the content of a temporary file, given its path; the file exists and is empty when called. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target  the file to create or replace; its directory must exist
     * @param what    what is written, for messages (e.g. "HDF5 file")
     * @param content fills the temporary file
     * @throws IOException naming {@code target} when anything fails; nothing is left behind then
     */
    public static void write(Path target, String what, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null) {
            throw failure(what, file, "the path has no parent directory", "give a path to a file inside a directory");
        }
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw failure(what, file, dir + " is not a directory",
                        "choose an output path whose parent is a directory");
            }
            throw failure(what, file, "directory " + dir + " does not exist",
                    "create it first (mkdir -p " + dir + ") or choose another output path");
        }
        if (Files.isDirectory(file)) {
            throw failure(what, file, "a directory already exists at that path",
                    "give a file name, not a directory, or remove that directory");
        }
        if (!Files.isWritable(dir)) {
            throw failure(what, file, "no permission to create files in " + dir,
                    "make the directory writable or choose another output path");
        }
        Path temp;
        try {
            // createFile without attributes takes the user's umask (createTempFile would force 0600)
            temp = Files.createFile(dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Long.toHexString(Thread.currentThread().threadId()) + ".tmp"));
        } catch (IOException e) {
            throw failure(what, file, "could not create a temporary file in " + dir + " (" + e + ")",
                    "check permissions and free disk space", e);
        }
        boolean moved = false;
        try {
            try {
                content.writeTo(temp);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            } catch (IOException | RuntimeException e) {
                throw failure(what, file, "writing the content failed (" + e + ")",
                        "nothing was left behind; check free disk space and the data given, then retry", e);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure(what, file, "could not move the finished temporary file into place (" + e + ")",
                        "remove whatever occupies that path or choose another name, then retry", e);
            }
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the failure being reported matters more; a stale hidden .tmp file is harmless
        }
    }

    private static IOException failure(String what, Path file, String reason, String fix) {
        return failure(what, file, reason, fix, null);
    }

    private static IOException failure(String what, Path file, String reason, String fix, Throwable cause) {
        return new IOException(what + " " + file + " was not written: " + reason + ". Fix: " + fix + ".", cause);
    }
}
