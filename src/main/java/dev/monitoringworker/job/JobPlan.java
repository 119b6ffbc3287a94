package dev.monitoringworker.job;

import dev.monitoringworker.execution.WorkItem;
import java.util.List;

/** A claimed job expanded to its work items, or the reason it cannot run at all. */
public record JobPlan(WorkerJob job, List<WorkItem> items, String error) {

    public static JobPlan failed(WorkerJob job, String error) {
        return new JobPlan(job, List.of(), error);
    }

    public boolean runnable() {
        return error == null;
    }

    /** Identity: Camel keys its method caches by the object a route calls into; hashing every work item per call is waste. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
