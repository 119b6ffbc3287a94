package dev.monitoringworker.execution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TsqlTextTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT 1                                                                                       | 1
            SELECT 1 DELETE FROM t                                                                         | 2
            SELECT 1; DELETE FROM t                                                                        | 2
            SELECT 1;                                                                                      | 1
            SELECT 1 SELECT 2                                                                              | 2
            SELECT 1 COMMIT DELETE FROM t                                                                  | 3
            SELECT 1 WAITFOR DELAY '00:00:10'                                                              | 2
            SELECT 1 EXEC sp_who                                                                           | 2
            SELECT 1 AS x INTO #t SELECT * FROM #t                                                         | 2
            SET NOCOUNT ON SELECT 1                                                                        | 2
            DECLARE @x INT = (SELECT MAX(v) FROM t) SELECT @x                                              | 2
            SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3                                                    | 1
            (SELECT 1) UNION (SELECT 2)                                                                    | 1
            WITH a AS (SELECT 1 AS v), b AS (SELECT v FROM a) SELECT * FROM b                              | 1
            WITH a AS (SELECT 1 AS v) SELECT * FROM a SELECT 2                                             | 2
            WITH a AS (SELECT id FROM t) UPDATE t SET v = 0 WHERE id IN (SELECT id FROM a)                 | 1
            INSERT INTO t (v) SELECT v FROM s                                                              | 1
            INSERT INTO t VALUES (1) SELECT 2                                                              | 2
            INSERT INTO t EXEC sp_who                                                                      | 1
            UPDATE t SET v = 1 WHERE id = 2                                                                | 1
            UPDATE t SET v = 1 SET v = 2                                                                   | 2
            SELECT v FROM t ORDER BY v OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY                               | 1
            SELECT TOP (5) WITH TIES r.session_id FROM sys.dm_exec_requests r WITH (NOLOCK) CROSS APPLY sys.dm_exec_sql_text(r.sql_handle) s ORDER BY r.wait_time DESC OPTION (RECOMPILE) | 1
            SELECT name FROM sys.databases WHERE state_desc <> N'ONLINE' FOR JSON PATH                     | 1
            SELECT N'it''s; DELETE FROM t' AS [DELETE], "SELECT" AS [x]]y]                                 | 1
            SELECT 1 /* outer /* inner */ DELETE FROM t */                                                 | 1
            SELECT 1 -- DELETE FROM t                                                                      | 1
            SELECT CASE WHEN v > 1 THEN 'a' ELSE 'b' END FROM t                                            | 1
            MERGE t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id); | 1
            CREATE PROCEDURE p AS SELECT 1 DELETE FROM t                                                   | 1
            BEGIN TRAN SELECT 1 COMMIT                                                                     | 3
            """)
    void countsStatementsAsSqlServerReadsThem(String sql, int statements) {
        assertThat(TsqlText.statementCount(sql)).isEqualTo(statements);
    }
}
