package dev.monitoringworker.threshold;

/**
 * A query's warning and critical limits with the operator that says which side is bad. Either limit may be
 * absent. Critical wins over Warning.
 */
public record Thresholds(Double warning, Double critical, ComparisonOperator operator) {

    public static final Thresholds NONE = new Thresholds(null, null, ComparisonOperator.GREATER_THAN);

    /**
     * Builds thresholds from the row's raw values; without an operator, limits mean "greater than".
     *
     * @throws IllegalArgumentException when the operator is unknown or the limits contradict it
     */
    public static Thresholds of(Double warning, Double critical, String operator) {
        ComparisonOperator op = operator == null || operator.isBlank()
                ? ComparisonOperator.GREATER_THAN : ComparisonOperator.parse(operator);
        Thresholds t = new Thresholds(warning, critical, op);
        t.checkOrder();
        return t;
    }

    public boolean isEmpty() {
        return warning == null && critical == null;
    }

    public ResultStatus judge(double value) {
        if (critical != null && operator.breached(value, critical)) {
            return ResultStatus.Critical;
        }
        if (warning != null && operator.breached(value, warning)) {
            return ResultStatus.Warning;
        }
        return ResultStatus.Ok;
    }

    /** A warning limit on the wrong side of the critical one would hide every warning behind a critical. */
    private void checkOrder() {
        if (warning == null || critical == null) {
            return;
        }
        boolean contradicts = switch (operator) {
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> warning > critical;
            case LESS_THAN, LESS_THAN_OR_EQUAL -> warning < critical;
            case EQUAL, NOT_EQUAL -> false;
        };
        if (contradicts) {
            throw new IllegalArgumentException("WarningThreshold " + warning + " and CriticalThreshold " + critical
                    + " contradict ComparisonOperator " + operator + ": the warning limit must be reached before the critical one");
        }
    }
}
