package dev.strata.bench.suite;

import dev.strata.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement of {@code strata bench --suite}, one JSON line. {@code mpts} is million points (grid points times
 * steps, or model values) per second; {@code ratio} is to the C reference where one exists (NaN otherwise);
 * {@code roofline} is the achieved share of the triad bandwidth measured in the same run, bytes moved per point over
 * seconds against triad GB/s (NaN where the bytes per point are not known).
 *
 * @param extra further fields in order (firstSeconds, repeats, ratioToForward, machine, ...)
 */
public record SuiteRow(String bench, int n, String backend, String device, int threads, double seconds, double mpts,
                       double ratio, double roofline, Map<String, Object> extra) {

    public SuiteRow {
        extra = Map.copyOf(extra);
    }

    /** This row with one more field. */
    public SuiteRow with(String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>(extra);
        e.put(key, value);
        return new SuiteRow(bench, n, backend, device, threads, seconds, mpts, ratio, roofline, e);
    }

    /** The row as one JSON object: the fixed fields first, then the extras sorted by name. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", bench);
        m.put("n", n);
        m.put("backend", backend);
        m.put("device", device);
        m.put("threads", threads);
        m.put("seconds", seconds);
        m.put("mpts", mpts);
        m.put("ratio", ratio);
        m.put("roofline", roofline);
        new java.util.TreeMap<>(extra).forEach(m::put);
        return Json.object(m);
    }
}
