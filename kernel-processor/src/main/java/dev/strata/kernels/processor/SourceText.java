package dev.strata.kernels.processor;

/** A Java source being written: lines with indentation. */
final class SourceText {
    private final StringBuilder text = new StringBuilder();
    private int depth;

    SourceText line(String s) {
        if (s.startsWith("}")) {
            depth--;
        }
        text.append("    ".repeat(Math.max(0, depth))).append(s).append('\n');
        if (s.endsWith("{")) {
            depth++;
        }
        return this;
    }

    /**
     * Opens a generated utility class: its javadoc, the {@code @Generated} mark, the declaration and a private
     * constructor; the caller closes it with {@code line("}")}.
     */
    SourceText utilityClass(String javadoc, String name) {
        line("/** " + javadoc + " */");
        line("@javax.annotation.processing.Generated(\"dev.strata.kernels.processor.KernelProcessor\")");
        line("public final class " + name + " {");
        line("private " + name + "() {");
        return line("}");
    }

    SourceText blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
