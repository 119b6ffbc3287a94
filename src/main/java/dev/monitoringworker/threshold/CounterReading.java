package dev.monitoringworker.threshold;

import java.util.List;
import java.util.Map;

/**
 * A counter query's run: its evaluation (the value judged is the per-second rate), the readings to keep for the
 * next run, and what Details shows of the counter.
 */
public record CounterReading(Evaluation evaluation, List<CounterSample> samples, Map<String, Object> details) {
}
