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

    SourceText blank() {
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
