package dev.strata.kernels.processor;

import dev.strata.kernels.processor.KernelSpec.Param;
import java.util.List;

/**
 * Writes {@code FooTasks} for the kernels of {@code FooKernels}: per kernel a typed factory and a record that checks
 * its arguments and runs the body over its rows on the JVM.
 */
final class TaskWriter {
    private TaskWriter() {
    }

    /** The generated class's simple name: {@code FooKernels} gives {@code FooTasks}. */
    static String tasksClass(String kernelClass) {
        return KernelSpec.family(kernelClass) + "Tasks";
    }

    static String write(String packageName, String kernelClass, List<KernelSpec> kernels) {
        SourceText out = new SourceText();
        out.line("package " + packageName + ";").blank();
        out.line("import dev.strata.kernels.IndexRange;");
        out.line("import dev.strata.kernels.KernelChecks;");
        out.line("import dev.strata.kernels.KernelTask;");
        out.line("import java.util.List;").blank();
        out.utilityClass("Typed tasks of the {@link " + kernelClass + "} kernels, written by the kernel processor from"
                + " their declarations.", tasksClass(kernelClass));
        for (KernelSpec k : kernels) {
            out.blank();
            factory(out, k);
            out.blank();
            record(out, k);
        }
        out.line("}");
        return out.toString();
    }

    private static String ranges(KernelSpec k) {
        if (k.indices().isEmpty()) {
            return "runs once";
        }
        return String.join(", ", k.indices().stream()
                .map(p -> p.name() + " in [" + p.from() + ", " + p.to() + ")").toList());
    }

    private static void factory(SourceText out, KernelSpec k) {
        out.line("/** {@link " + k.className() + "#" + k.method() + "}: " + doc(ranges(k)) + ". */");
        out.line("public static " + k.recordName() + " " + k.method() + "(" + k.declaration() + ") {");
        out.line("return new " + k.recordName() + "(" + String.join(", ", k.taskArguments().stream().map(Param::name).toList()) + ");");
        out.line("}");
    }

    private static void record(SourceText out, KernelSpec k) {
        out.line("/** {@link " + k.className() + "#" + k.method() + "} bound to its arguments. */");
        out.line("public record " + k.recordName() + "(" + k.declaration() + ") implements KernelTask {");
        out.line("public static final String KERNEL = \"" + k.kernelName() + "\";").blank();
        checks(out, k);
        out.blank().line("@Override");
        out.line("public String kernel() {");
        out.line("return KERNEL;");
        out.line("}").blank();
        range(out, k);
        out.blank();
        rows(out, k);
        if (!k.vectorRows().isEmpty()) {
            out.blank().line("@Override");
            out.line("public boolean vectorized() {");
            out.line("return true;");
            out.line("}").blank();
            out.line("@Override");
            out.line("public void runRowsVectorized(int kStart, int kEnd) {");
            out.line(k.vectorRows() + "(kStart, kEnd, "
                    + String.join(", ", k.taskArguments().stream().map(Param::name).toList()) + ");");
            out.line("}");
        }
        if (k.coarse()) {
            out.blank().line("@Override");
            out.line("public boolean coarse() {");
            out.line("return true;");
            out.line("}");
        }
        out.blank().line("@Override");
        out.line("public List<Object> arrays() {");
        out.line("return List.of(" + arrayNames(k, false) + ");");
        out.line("}").blank();
        out.line("@Override");
        out.line("public List<Object> written() {");
        out.line("return List.of(" + arrayNames(k, true) + ");");
        out.line("}");
        out.line("}");
    }

    private static String arrayNames(KernelSpec k, boolean writtenOnly) {
        return String.join(", ", k.taskArguments().stream().filter(Param::isArray)
                .filter(p -> !writtenOnly || p.writes()).map(Param::name).toList());
    }

    private static void checks(SourceText out, KernelSpec k) {
        out.line("public " + k.recordName() + " {");
        for (Param p : k.taskArguments()) {
            if (p.isArray()) {
                out.line("KernelChecks.present(KERNEL, \"" + p.name() + "\", " + p.name() + ");");
            }
        }
        Loops.derived(out, k);
        for (Param p : k.indices()) {
            out.line("KernelChecks.bounds(KERNEL, \"" + p.name() + "\", " + p.from() + ", " + p.to() + ");");
        }
        for (String condition : k.requires()) {
            List<String> scalars = k.params().stream().filter(p -> !p.isArray()).map(Param::name).toList();
            List<String> names = KernelSpec.freeNames(condition).stream().distinct()
                    .filter(n -> scalars.contains(n) || k.implicitExtents().contains(n)).toList();
            String values = names.isEmpty() ? "\"\"" : String.join(" + \", \" + ",
                    names.stream().map(n -> "\"" + n + "=\" + " + n).toList());
            out.line("KernelChecks.require(KERNEL, " + condition + ", \"" + escape(condition) + "\", " + values + ");");
        }
        for (Param p : k.taskArguments()) {
            if (p.length() != null) {
                out.line("KernelChecks.length(KERNEL, \"" + p.name() + "\", " + p.name() + ".length, 1L * " + p.length() + ");");
            }
        }
        for (Param c : k.copiedConstants()) {
            for (Param w : k.params()) {
                if (w.writes() && w.type().equals(c.type())) {
                    out.line("KernelChecks.distinct(KERNEL, \"" + c.name() + "\", " + c.name() + ", \"" + w.name()
                            + "\", " + w.name() + ");");
                }
            }
        }
        out.line("}");
    }

    /** Opens an overriding method and declares the derived scalars its body may use. */
    private static void overrideWithDerived(SourceText out, KernelSpec k, String signature) {
        out.line("@Override");
        out.line(signature);
        Loops.derived(out, k);
    }

    private static void range(SourceText out, KernelSpec k) {
        List<Param> idx = k.indices();
        overrideWithDerived(out, k, "public IndexRange range() {");
        if (idx.isEmpty()) {
            out.line("return IndexRange.of1d(0, 1);");
        } else if (idx.size() == 1) {
            out.line("return IndexRange.of1d(" + idx.get(0).from() + ", " + idx.get(0).to() + ");");
        } else {
            Param last = idx.get(idx.size() - 1);
            out.line("return new IndexRange(0, " + k.rowsExpression() + ", " + last.from() + ", " + last.to() + ");");
        }
        out.line("}");
    }

    private static void rows(SourceText out, KernelSpec k) {
        List<Param> idx = k.indices();
        overrideWithDerived(out, k, "public void runRows(int kStart, int kEnd) {");
        if (idx.isEmpty()) {
            out.line("if (kStart < kEnd) {");
            out.line(Loops.call(k));
            out.line("}");
        } else if (idx.size() == 1) {
            Loops.copies(out, k);
            out.line("for (int " + idx.get(0).name() + " = kStart; " + idx.get(0).name() + " < kEnd; " + idx.get(0).name() + "++) {");
            out.line(Loops.rowLoopCall(k));
            out.line("}");
        } else {
            Param last = idx.get(idx.size() - 1);
            Loops.copies(out, k);
            out.line("for (int kRow = kStart; kRow < kEnd; kRow++) {");
            Loops.decodeRow(out, idx.subList(0, idx.size() - 1), "kRow");
            out.line("for (int " + last.name() + " = " + last.from() + "; " + last.name() + " < " + last.to() + "; " + last.name() + "++) {");
            out.line(Loops.rowLoopCall(k));
            out.line("}");
            out.line("}");
        }
        out.line("}");
    }

    /** Text safe inside a javadoc comment. */
    static String doc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
    }

    /** Text safe inside a string literal. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
