package dev.monitoringworker.threshold;

/** How a measured value is compared with a threshold: {@code value <op> threshold} means breached. */
public enum ComparisonOperator {
    GREATER_THAN("GreaterThan", ">"),
    GREATER_THAN_OR_EQUAL("GreaterThanOrEqual", ">="),
    LESS_THAN("LessThan", "<"),
    LESS_THAN_OR_EQUAL("LessThanOrEqual", "<="),
    EQUAL("Equal", "="),
    NOT_EQUAL("NotEqual", "<>");

    private final String designName;
    private final String symbol;

    ComparisonOperator(String designName, String symbol) {
        this.designName = designName;
        this.symbol = symbol;
    }

    public String designName() {
        return designName;
    }

    public String symbol() {
        return symbol;
    }

    public boolean breached(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN -> value > threshold;
            case GREATER_THAN_OR_EQUAL -> value >= threshold;
            case LESS_THAN -> value < threshold;
            case LESS_THAN_OR_EQUAL -> value <= threshold;
            case EQUAL -> Double.compare(value, threshold) == 0;
            case NOT_EQUAL -> Double.compare(value, threshold) != 0;
        };
    }

    /**
     * Parses a design name ({@code GreaterThan}), a symbol ({@code >=}) or {@code !=}; case and surrounding
     * blanks do not matter.
     *
     * @throws IllegalArgumentException naming the accepted spellings
     */
    public static ComparisonOperator parse(String text) {
        String t = text == null ? "" : text.trim();
        for (ComparisonOperator op : values()) {
            if (op.designName.equalsIgnoreCase(t) || op.symbol.equals(t)) {
                return op;
            }
        }
        if (t.equals("!=")) {
            return NOT_EQUAL;
        }
        if (t.equals("==")) {
            return EQUAL;
        }
        throw new IllegalArgumentException("unknown ComparisonOperator '" + text + "'; use one of "
                + "GreaterThan (>), GreaterThanOrEqual (>=), LessThan (<), LessThanOrEqual (<=), Equal (=), NotEqual (<>)");
    }

    @Override
    public String toString() {
        return designName + " (" + symbol + ")";
    }

}
