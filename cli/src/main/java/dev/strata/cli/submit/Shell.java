package dev.strata.cli.submit;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the bash lines of an sbatch script. */
final class Shell {
    private Shell() {
    }

    /** {@code s} as one bash word: single-quoted, a quote inside written as {@code '\''}. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Each of {@code words} quoted, separated by spaces. */
    static String words(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
