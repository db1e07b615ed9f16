package dev.strata.tornado;

import dev.strata.kernels.Kernel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of every {@link Kernel} constant (a public static field whose type is a Kernel) of every class in the
 * kernels module, found by scanning the module's classes (its {@code target/classes} folder or its jar), so that a
 * kernel added later is covered without editing a list.
 */
final class KernelConstants {
    private KernelConstants() {
    }

    /** Sorted, distinct kernel names. */
    static List<String> names() throws IOException, URISyntaxException, ReflectiveOperationException {
        TreeSet<String> names = new TreeSet<>();
        for (String className : classNames()) {
            Class<?> c = Class.forName(className, true, Kernel.class.getClassLoader());
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Kernel.class.isAssignableFrom(f.getType())) {
                    names.add(((Kernel) f.get(null)).name());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Binary names of the top-level and nested classes under dev.strata.kernels in the module holding Kernel. */
    private static List<String> classNames() throws IOException, URISyntaxException {
        Path root = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/"))
                        .forEach(n -> addClass(n, classes));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    addClass(e.nextElement().getName(), classes);
                }
            }
        }
        return classes;
    }

    private static void addClass(String path, List<String> classes) {
        if (path.startsWith("dev/strata/kernels/") && path.endsWith(".class") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class")) {
            classes.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
