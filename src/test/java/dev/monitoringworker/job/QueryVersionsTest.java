package dev.monitoringworker.job;

import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.execution.WorkItem;
import dev.monitoringworker.execution.TargetConnection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QueryVersionsTest {

    private final QueryVersions versions = new QueryVersions();
    private final WorkerJob job = new WorkerJob(UUID.randomUUID(), "j", null, 5, null, null, null, null, UUID.randomUUID(), 1, 3);
    private final TargetConnection connection = new TargetConnection(UUID.randomUUID(), "c", "PostgreSQL", "x", "it", true, 5, 5, 2);
    private final MonitoringQuery query = new MonitoringQuery(UUID.randomUUID(), "q", "SELECT 1", "Scalar", null, null, null, null, null, null,
            null, 10, false, true);
    private final List<JobPlan> plans = List.of(new JobPlan(job, List.of(new WorkItem(job.run(), connection, query)), null));

    private List<Map<String, Object>> results(String... hashes) {
        return java.util.Arrays.stream(hashes).map(h -> Map.<String, Object>of("QueryId", query.queryId(), "QueryHash", h)).toList();
    }

    @Test
    void eachNewHashOnceWithItsTextUntilItIsKnownToBeStored() {
        List<Map<String, Object>> first = versions.unrecorded(plans, results("h1", "h1"));
        assertThat(first).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("QueryId", query.queryId()).containsEntry("QueryHash", "h1").containsEntry("SqlQuery", "SELECT 1"));
        assertThat(versions.unrecorded(plans, results("h1"))).as("not yet written: offered again").hasSize(1);
        versions.recorded(first);
        assertThat(versions.unrecorded(plans, results("h1"))).isNull();
        assertThat(versions.unrecorded(plans, results("h1", "h2"))).extracting(v -> v.get("QueryHash")).containsExactly("h2");
    }

    @Test
    void nothingToWriteWithoutResultsOrPlans() {
        assertThat(versions.unrecorded(plans, List.of())).isNull();
        assertThat(versions.unrecorded(null, results("h1"))).isNull();
        versions.recorded(null);
    }
}
