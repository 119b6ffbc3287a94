package dev.monitoringworker.alert;

import java.time.Instant;

/**
 * A change an operator may be told about. {@code sequence} numbers an alert's events from 1: with the alert's
 * key it is the event's unique key in the store, so of several replicas recording the same change one wins and
 * one notification goes out. {@code notifies} is false for changes made while the alert flaps.
 */
public record AlertEvent(long sequence, Kind kind, AlertState from, AlertState to, Instant at, boolean notifies, String reason) {

    public enum Kind { StateChanged, FlappingStarted, FlappingStopped }
}
