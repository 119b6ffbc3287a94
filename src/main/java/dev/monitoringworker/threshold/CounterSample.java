package dev.monitoringworker.threshold;

/**
 * One reading of a cumulative counter: a row of CounterSamples. {@code rowKey} is "" for a query's one value, or
 * the key of a DataSet row (AlertKeyColumn); {@code atMs} is when the reading came back, in epoch milliseconds.
 */
public record CounterSample(String rowKey, double value, long atMs) {
}
