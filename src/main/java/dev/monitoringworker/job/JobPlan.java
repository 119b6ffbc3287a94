package dev.monitoringworker.job;

import java.util.List;

/** A claimed job expanded to its work items, or the reason it cannot run at all. */
public record JobPlan(WorkerJob job, List<WorkItem> items, String error) {

    public static JobPlan failed(WorkerJob job, String error) {
        return new JobPlan(job, List.of(), error);
    }

    public boolean runnable() {
        return error == null;
    }
}
