package dev.monitoringworker.execution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OracleSqlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT 1                                                     | SELECT 1 FROM DUAL
            select 1 as alive                                            | select 1 as alive FROM DUAL
            SELECT (SELECT COUNT(*) FROM v$session) AS sessions          | SELECT (SELECT COUNT(*) FROM v$session) AS sessions FROM DUAL
            SELECT 'FROM' AS word                                        | SELECT 'FROM' AS word FROM DUAL
            SELECT 1 FROM DUAL                                           | SELECT 1 FROM DUAL
            SELECT COUNT(*) FROM v$session                               | SELECT COUNT(*) FROM v$session
            SELECT 1 -- FROM nowhere                                     | SELECT 1 -- FROM nowhere FROM DUAL
            SELECT 1 UNION SELECT 2 FROM DUAL                            | SELECT 1 UNION SELECT 2 FROM DUAL
            WITH x AS (SELECT 1 v FROM DUAL) SELECT v FROM x             | WITH x AS (SELECT 1 v FROM DUAL) SELECT v FROM x
            BEGIN NULL; END;                                             | BEGIN NULL; END;
            """)
    void aSelectWithoutFromRunsFromDual(String sql, String runs) {
        // FROM DUAL goes on a line of its own (shown here as a space)
        assertThat(OracleSql.runnable(sql).replace('\n', ' ')).isEqualTo(runs);
    }
}
