package dev.strata.kernels.processor;

import dev.strata.kernels.processor.KernelSpec.Param;
import java.util.List;

/** The statements both backends share: derived scalars, and the leading indices decoded from a flat row. */
final class Loops {
    private Loops() {
    }

    /** Declares every derived scalar from its expression. */
    static void derived(SourceText out, KernelSpec k) {
        for (Param p : k.derived()) {
            out.line(p.type() + " " + p.name() + " = " + p.derived() + ";");
        }
    }

    /** Declares the leading indices (all but the last) of row {@code row}: the last of them varies fastest. */
    static void decodeRow(SourceText out, List<Param> leading, String row) {
        out.line("int kRest = " + row + ";");
        for (int j = leading.size() - 1; j >= 1; j--) {
            Param p = leading.get(j);
            String e = KernelSpec.extent(p);
            out.line("int kQ" + j + " = kRest / " + e + ";");
            out.line("int " + p.name() + " = " + p.from() + " + kRest - kQ" + j + " * " + e + ";");
            out.line("kRest = kQ" + j + ";");
        }
        Param first = leading.get(0);
        out.line("int " + first.name() + " = " + first.from() + " + kRest;");
    }

    /** The call of the body, fully qualified. */
    static String call(KernelSpec k) {
        return call(k, k.callArguments());
    }

    /** The call of the body in the JVM row loop, with the private copies of {@link KernelSpec#copiedConstants}. */
    static String rowLoopCall(KernelSpec k) {
        return call(k, k.rowLoopArguments());
    }

    private static String call(KernelSpec k, String arguments) {
        return k.packageName() + "." + k.className() + "." + k.method() + "(" + arguments + ");";
    }

    /** Declares the private copy of each of {@link KernelSpec#copiedConstants}, element by element. */
    static void copies(SourceText out, KernelSpec k) {
        for (Param p : k.copiedConstants()) {
            List<String> elements = new java.util.ArrayList<>();
            for (int j = 0; j < Integer.parseInt(p.length()); j++) {
                elements.add(p.name() + "[" + j + "]");
            }
            out.line(p.type() + " " + KernelSpec.copyName(p) + " = {" + String.join(", ", elements) + "};");
        }
    }
}
