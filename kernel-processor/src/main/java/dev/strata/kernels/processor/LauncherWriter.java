package dev.strata.kernels.processor;

import dev.strata.kernels.processor.KernelSpec.Param;
import java.util.List;
import java.util.Map;

/**
 * Writes the TornadoVM side of the kernels, as sources the tornado-backend module compiles (this module never sees
 * TornadoVM): per kernel class a class of {@code @Parallel} launchers over the same bodies, and one dispatcher that
 * adds a task to a TornadoVM task graph by the task's type. The loops are the ones the JVM row runner runs: the
 * leading indices flattened into one parallel row loop, the last index a second parallel loop.
 */
final class LauncherWriter {
    /** Package of the generated launchers. */
    static final String PACKAGE = "dev.strata.tornado.launch";

    private LauncherWriter() {
    }

    /**
     * The launcher's name, which TornadoVM also gives the OpenCL/PTX kernel: the family and the body, e.g.
     * {@code CpmlKernels.step} gives {@code cpmlStep}. A bare body name can collide with a built-in function of the
     * device language (OpenCL C has {@code step}, {@code clamp}, {@code dot}, ...), and such a kernel cannot be created.
     */
    static String launcherName(KernelSpec k) {
        String family = KernelSpec.family(k.className());
        return Character.toLowerCase(family.charAt(0)) + family.substring(1) + k.recordName();
    }

    static String launchersClass(String kernelClass) {
        return KernelSpec.family(kernelClass) + "Launchers";
    }

    static String write(String packageName, String kernelClass, List<KernelSpec> kernels) {
        SourceText out = new SourceText();
        out.line("package " + PACKAGE + ";").blank();
        out.line("import " + packageName + ".*;");
        out.line("import uk.ac.manchester.tornado.api.annotations.Parallel;").blank();
        out.utilityClass("TornadoVM launchers of the {@link " + kernelClass + "} kernels, written by the kernel"
                + " processor.", launchersClass(kernelClass));
        for (KernelSpec k : kernels) {
            out.blank();
            launcher(out, k);
        }
        out.line("}");
        return out.toString();
    }

    private static void launcher(SourceText out, KernelSpec k) {
        List<Param> idx = k.indices();
        out.line("/** {@link " + k.className() + "#" + k.method() + "} over its range. */");
        out.line("public static void " + launcherName(k) + "(" + k.declaration() + ") {");
        Loops.derived(out, k);
        if (idx.isEmpty()) {
            out.line(Loops.call(k));
        } else if (idx.size() == 1) {
            Param i = idx.get(0);
            out.line("for (@Parallel int " + i.name() + " = " + i.from() + "; " + i.name() + " < " + i.to() + "; "
                    + i.name() + "++) {");
            out.line(Loops.call(k));
            out.line("}");
        } else {
            Param last = idx.get(idx.size() - 1);
            out.line("int kRows = " + k.rowsExpression() + ";");
            out.line("for (@Parallel int kRow = 0; kRow < kRows; kRow++) {");
            out.line("for (@Parallel int " + last.name() + " = " + last.from() + "; " + last.name() + " < " + last.to()
                    + "; " + last.name() + "++) {");
            Loops.decodeRow(out, idx.subList(0, idx.size() - 1), "kRow");
            out.line(Loops.call(k));
            out.line("}");
            out.line("}");
        }
        out.line("}");
    }

    /** The dispatcher: adds the launcher of any generated task to a TornadoVM task graph. */
    static String dispatcher(Map<String, List<KernelSpec>> byClass) {
        SourceText out = new SourceText();
        out.line("package " + PACKAGE + ";").blank();
        out.line("import dev.strata.kernels.KernelTask;");
        out.line("import uk.ac.manchester.tornado.api.TaskGraph;").blank();
        out.utilityClass("Adds a kernel task to a TornadoVM task graph as its launcher; written by the kernel"
                + " processor.", "TornadoTasks").blank();
        out.line("/** Adds {@code task} to {@code graph} under the name {@code id}. */");
        out.line("public static void add(TaskGraph graph, String id, KernelTask task) {");
        out.line("switch (task) {");
        int n = 0;
        for (List<KernelSpec> kernels : byClass.values()) {
            for (KernelSpec k : kernels) {
                String record = k.packageName() + "." + TaskWriter.tasksClass(k.className()) + "." + k.recordName();
                String t = "t" + n;
                String args = String.join(", ", k.taskArguments().stream().map(p -> t + "." + p.name() + "()").toList());
                out.line("case " + record + " " + t + " -> graph.task(id, " + launchersClass(k.className()) + "::"
                        + launcherName(k) + ", " + args + ");");
                n++;
            }
        }
        out.line("default -> throw new IllegalArgumentException(\"no TornadoVM launcher for \" + task.kernel());");
        out.line("}");
        out.line("}");
        out.line("}");
        return out.toString();
    }
}
