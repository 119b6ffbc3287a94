package dev.monitoringworker.job;

import dev.monitoringworker.execution.TargetExecution;

import org.apache.camel.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts behind the QueryHash of results: each (query, hash) a batch's results carry is written to QueryVersions
 * right after the batch's transaction, until this worker knows the store holds it (a failed write is tried again with
 * the next batch). Usually there is nothing new to write.
 */
public class QueryVersions {

    /** How many known versions are remembered; past that the memory starts over (and the store skips what it has). */
    static final int KNOWN_KEPT = 10_000;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * The versions among the batch's results this worker has not yet seen written, as insert-query-version.sql's
     * parameters; null when there are none.
     */
    public List<Map<String, Object>> unrecorded(@Variable("plans") List<JobPlan> plans, @Variable("results") List<Map<String, Object>> results) {
        if (plans == null || results == null || results.isEmpty()) {
            return null;
        }
        Map<UUID, String> texts = new HashMap<>();
        for (JobPlan plan : plans) {
            plan.items().forEach(item -> texts.putIfAbsent(item.query().queryId(), item.query().sql()));
        }
        Map<String, Map<String, Object>> versions = new LinkedHashMap<>();
        for (Map<String, Object> result : results) {
            UUID queryId = (UUID) result.get("QueryId");
            String hash = (String) result.get("QueryHash");
            String key = queryId + ":" + hash;
            // the text the run sent (a SqlVariants entry for a versioned query), else the query's own
            String text = result.get(TargetExecution.QUERY_TEXT) instanceof String ran ? ran : texts.get(queryId);
            if (hash != null && text != null && !known.contains(key) && !versions.containsKey(key)) {
                Map<String, Object> version = new HashMap<>();
                version.put("QueryId", queryId);
                version.put("QueryHash", hash);
                version.put("SqlQuery", text);
                versions.put(key, version);
            }
        }
        return versions.isEmpty() ? null : new ArrayList<>(versions.values());
    }

    /** Once insert-query-version.sql ran for them: these versions are in the store. */
    public void recorded(@Variable("queryVersions") List<Map<String, Object>> versions) {
        if (versions == null) {
            return;
        }
        if (known.size() > KNOWN_KEPT) {
            known.clear();
        }
        versions.forEach(v -> known.add(v.get("QueryId") + ":" + v.get("QueryHash")));
    }
}
