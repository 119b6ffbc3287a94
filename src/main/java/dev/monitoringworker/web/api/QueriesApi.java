package dev.monitoringworker.web.api;

import dev.monitoringworker.alert.AlertRules;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.execution.Provider;
import dev.monitoringworker.execution.SqlVariant;
import dev.monitoringworker.execution.SqlText;
import dev.monitoringworker.threshold.ResultType;
import dev.monitoringworker.threshold.ValueKind;
import dev.monitoringworker.threshold.Thresholds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.monitoringworker.web.api.ConnectionsApi.limited;
import static dev.monitoringworker.web.api.ConnectionsApi.positive;
import static dev.monitoringworker.web.api.ConnectionsApi.required;
import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/** Monitoring queries: validated on write as the worker would judge them when it runs them. */
@RestController
@RequestMapping("/api/v1/queries")
@Tag(name = "Queries", description = "Read: viewer. Create, change, enable, disable: admin.")
public class QueriesApi {

    static final String[] COLUMNS = {"QueryId", "QueryName", "QueryType", "SqlQuery", "ResultType", "Description", "Provider",
            "WarningThreshold", "CriticalThreshold", "ComparisonOperator", "IntervalSeconds", "TimeoutSeconds", "MaxRows", "AllowWrite",
            "IsEnabled", "WarningRecovery", "CriticalRecovery", "HardAfter", "FlapLowPercent", "FlapHighPercent", "StaleAfterIntervals",
            "AlertKeyColumn", "AlertValueColumn", "ValueKind", "SqlVariants", "CheckPack", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"};
    private static final Set<String> QUERY_TYPES = Set.of("HealthCheck", "Performance", "Custom");

    /** A query as written; absent fields take the table's defaults (Scalar, Custom, MaxRows 100, enabled). */
    public record QueryInput(String queryName, String queryType, String sqlQuery, String resultType, String description, String provider,
                             Double warningThreshold, Double criticalThreshold, String comparisonOperator, Integer intervalSeconds,
                             Integer timeoutSeconds, Integer maxRows, Boolean allowWrite, Boolean isEnabled, Double warningRecovery,
                             Double criticalRecovery, Integer hardAfter, Double flapLowPercent, Double flapHighPercent,
                             Double staleAfterIntervals, String alertKeyColumn, String alertValueColumn, String valueKind,
                             String sqlVariants) {
    }

    private final StoreApi store;

    public QueriesApi(StoreApi store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "All queries with their thresholds and alert rules")
    public List<Map<String, Object>> list() {
        return store.read("api-queries", params("QueryId", null), COLUMNS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One query")
    public Map<String, Object> one(@PathVariable UUID id) {
        return store.read("api-queries", params("QueryId", id), COLUMNS).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("query " + id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every text the query has run with, newest first, under the QueryHash its results carry")
    public List<Map<String, Object>> versions(@PathVariable UUID id) {
        one(id);
        return store.read("api-query-versions", params("QueryId", id), "QueryHash", "SqlQuery", "FirstSeenAt");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a query (400 naming the field when its SQL, type, operator, thresholds or rules cannot be used)")
    public Map<String, Object> create(@RequestBody QueryInput in, Authentication who) {
        UUID id = UUID.randomUUID();
        store.write("api-insert-query", row(id, in, user(who)));
        return one(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces a query's fields (validated as on create)")
    public Map<String, Object> change(@PathVariable UUID id, @RequestBody QueryInput in, Authentication who) {
        one(id);
        store.write("api-update-query", row(id, in, user(who)));
        return one(id);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stops scheduling and running the query")
    public Map<String, Object> disable(@PathVariable UUID id, Authentication who) {
        return enabled(id, false, who);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Schedules and runs the query again")
    public Map<String, Object> enable(@PathVariable UUID id, Authentication who) {
        return enabled(id, true, who);
    }

    private Map<String, Object> enabled(UUID id, boolean enabled, Authentication who) {
        if (store.write("api-set-query-enabled", params("QueryId", id, "IsEnabled", enabled, "UserName", user(who))) == 0) {
            throw ApiException.notFound("query " + id);
        }
        return one(id);
    }

    private Map<String, Object> row(UUID id, QueryInput in, String user) {
        String name = required("queryName", in.queryName(), 200);
        String sql = required("sqlQuery", in.sqlQuery(), 100_000);
        String resultType = in.resultType() == null ? "Scalar" : in.resultType();
        try {
            resultType = ResultType.parse(resultType).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("resultType", e.getMessage());
        }
        ValueKind valueKind;
        try {
            valueKind = ValueKind.parse(in.valueKind());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("valueKind", e.getMessage());
        }
        try {
            SqlVariant.parse(in.sqlVariants());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("sqlVariants", e.getMessage());
        }
        String queryType = in.queryType() == null ? "Custom" : in.queryType();
        if (!QUERY_TYPES.contains(queryType)) {
            throw ApiException.invalid("queryType", "queryType '" + queryType + "' is not one of " + QUERY_TYPES);
        }
        Provider provider = null;
        if (in.provider() != null && !in.provider().isBlank()) {
            try {
                provider = Provider.parse(in.provider());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("provider", e.getMessage());
            }
        }
        // T-SQL needs no semicolons between statements: a SqlServer query is read as SQL Server reads it
        int statements = provider == null ? SqlText.statementCount(sql) : SqlText.statementCount(provider, sql);
        if (statements != 1) {
            throw ApiException.invalid("sqlQuery", "sqlQuery must be one statement, not " + statements);
        }
        String operator = null;
        if (in.comparisonOperator() != null || in.warningThreshold() != null || in.criticalThreshold() != null) {
            try {
                Thresholds t = Thresholds.of(in.warningThreshold(), in.criticalThreshold(),
                        in.comparisonOperator() == null ? "GreaterThan" : in.comparisonOperator());
                operator = t.operator().designName();
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage().startsWith("WarningThreshold") ? "warningThreshold" : "comparisonOperator", e.getMessage());
            }
        }
        Map<String, Object> p = params("QueryId", id, "QueryName", name, "QueryType", queryType, "SqlQuery", sql, "ResultType", resultType,
                "Description", limited("description", in.description(), 1000), "Provider", provider == null ? null : provider.name(),
                "WarningThreshold", in.warningThreshold(), "CriticalThreshold", in.criticalThreshold(), "ComparisonOperator", operator,
                "IntervalSeconds", in.intervalSeconds() == null ? null : positive("intervalSeconds", in.intervalSeconds(), 0),
                "TimeoutSeconds", in.timeoutSeconds() == null ? null : positive("timeoutSeconds", in.timeoutSeconds(), 0),
                "MaxRows", positive("maxRows", in.maxRows(), 100), "AllowWrite", in.allowWrite() != null && in.allowWrite(),
                "IsEnabled", in.isEnabled() == null || in.isEnabled(), "WarningRecovery", in.warningRecovery(),
                "CriticalRecovery", in.criticalRecovery(), "HardAfter", in.hardAfter(), "FlapLowPercent", in.flapLowPercent(),
                "FlapHighPercent", in.flapHighPercent(), "StaleAfterIntervals", in.staleAfterIntervals(),
                "AlertKeyColumn", limited("alertKeyColumn", in.alertKeyColumn(), 128),
                "AlertValueColumn", limited("alertValueColumn", in.alertValueColumn(), 128),
                "ValueKind", in.valueKind() == null || in.valueKind().isBlank() ? null : valueKind.name(), "SqlVariants", in.sqlVariants(),
                "UserName", user);
        try {
            AlertRules.from(Row.of(p), AlertRules.defaults(Thresholds.NONE));
        } catch (IllegalArgumentException e) {
            String column = e.getMessage().split(" ")[0];
            throw ApiException.invalid(Character.toLowerCase(column.charAt(0)) + column.substring(1), e.getMessage());
        }
        return p;
    }
}
