package dev.monitoringworker.execution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1", "SELECT 1;", "  SELECT 1 ;  -- done", "SELECT ';' AS semi", "SELECT \"a;b\" FROM t",
            "SELECT [x;y] FROM t", "SELECT `a;b` FROM t", "SELECT 1 /* ; */", "SELECT 1 -- ; DELETE FROM t",
            "SELECT $$;$$", "SELECT $tag$ ; $tag$", "SELECT 'it''s; fine'", "SELECT $1::int"})
    void oneStatement(String sql) {
        assertThat(SqlText.statementCount(sql)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; DELETE FROM t", "SET NOCOUNT ON; SELECT 1", "SELECT 1;\nDROP TABLE t;",
            "SELECT 'a'; SELECT 'b'", "SELECT 1 /* x */; UPDATE t SET a = 1",
            // PostgreSQL reads 'a\' as a whole literal, MySQL as an open one: either way a second statement is seen
            "SELECT 'a\\'; DELETE FROM t; --'"})
    void severalStatements(String sql) {
        assertThat(SqlText.statementCount(sql)).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ";", "-- only a comment"})
    void noStatement(String sql) {
        assertThat(SqlText.statementCount(sql)).isZero();
    }
}
