package dev.strata.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the single declaration promises, checked by compiling code against it: a wrong argument type for a generated
 * task is a compile error, the right one compiles, and a declaration the processor cannot read fails at the body.
 */
class KernelDeclarationCompileTest {

    /** Compiles {@code source} (one public class) with this module and the kernel processor; returns the errors. */
    private static List<String> compile(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                    dir.toString(), "-s", dir.toString(), "-processor",
                    "dev.strata.kernels.processor.KernelProcessor", "-Xlint:none");
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }

    @Test
    void aWrongArgumentTypeIsACompileErrorAndTheRightOneCompiles(@TempDir Path dir) throws IOException {
        String call = "dev.strata.kernels.seismic.SeismicTasks.convolveDepth(%s, new float[3], new float[4], 2, 2, 1);";
        List<String> wrong = compile(dir, "WrongCaller", "public class WrongCaller { void f() { "
                + String.format(call, "new int[4]") + " } }");
        assertEquals(1, wrong.size(), wrong.toString());
        List<String> right = compile(dir, "RightCaller", "public class RightCaller { void f() { "
                + String.format(call, "new float[4]") + " } }");
        assertTrue(right.isEmpty(), right.toString());
    }

    @Test
    void aDeclarationThatIsNotAStaticBodyIsRefusedAtTheBody(@TempDir Path dir) throws IOException {
        List<String> errors = compile(dir, "BadKernels", """
                import dev.strata.kernels.annotations.Index;
                import dev.strata.kernels.annotations.Kernel;
                public class BadKernels {
                    @Kernel
                    public void notStatic(@Index("n") int i, float[] x) {
                    }
                    @Kernel
                    public static void wrongType(@Index("n") int i, long[] x) {
                    }
                }
                """);
        assertTrue(errors.contains("a @Kernel body is a public static void method"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("not long[]")), errors.toString());
    }

    @Test
    void theRowLoopReadsFixedLengthReadOnlyArraysOnceBeforeItsPoints(@TempDir Path dir) throws IOException {
        List<String> errors = compile(dir, "CoefKernels", """
                package probe;
                import dev.strata.kernels.annotations.Index;
                import dev.strata.kernels.annotations.Kernel;
                import dev.strata.kernels.annotations.Length;
                import dev.strata.kernels.annotations.Writes;
                public class CoefKernels {
                    @Kernel
                    public static void scale(@Index("x.length") int i, float[] x, @Length("2") float[] coef,
                                             @Writes @Length("x.length") float[] out, @Writes @Length("1") int[] n,
                                             @Length("x.length") float[] big) {
                        out[i] = coef[0] * x[i] + coef[1] * big[i];
                    }
                }
                """);
        assertTrue(errors.isEmpty(), errors.toString());
        String tasks = Files.readString(dir.resolve("probe/CoefTasks.java"));
        String rows = tasks.substring(tasks.indexOf("public void runRows("));
        rows = rows.substring(0, rows.indexOf("\n        }\n"));
        assertTrue(rows.indexOf("float[] coefCopy = {coef[0], coef[1]};") < rows.indexOf("for ("), rows);
        assertTrue(rows.contains("probe.CoefKernels.scale(i, x, coefCopy, out, n, big);"), rows);
        assertTrue(tasks.contains("KernelChecks.distinct(KERNEL, \"coef\", coef, \"out\", out);"), tasks);
    }
}
