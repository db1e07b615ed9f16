package dev.strata.io;

import java.util.Map;

/**
 * Writes one-line JSON objects (strings, numbers, booleans, null, arrays of longs or doubles, lists, nested maps) for
 * the {@code --json} outputs and job files. Hand-written because these are small records; a JSON library would add a
 * dependency for 50 lines.
 */
public final class Json {
    private Json() {
    }

    public static String object(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder();
        object(sb, fields);
        return sb.toString();
    }

    private static void object(StringBuilder sb, Map<?, ?> fields) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, String.valueOf(e.getKey()));
            sb.append(':');
            value(sb, e.getValue());
        }
        sb.append('}');
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof long[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",");
                value(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof Iterable<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                sb.append(first ? "" : ",");
                first = false;
                value(sb, o);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            sb.append(Double.isFinite(d) ? String.valueOf(d) : "null");
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
