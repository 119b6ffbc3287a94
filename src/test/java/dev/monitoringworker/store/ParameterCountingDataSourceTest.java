package dev.monitoringworker.store;

import dev.monitoringworker.support.ParameterMetadataSpy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterCountingDataSourceTest {

    private static final Pattern CAMEL_PARAMETER = Pattern.compile(":#(in:)?\\w+");

    @Test
    void placeholdersInLiteralsQuotedNamesAndCommentsAreNotCounted() {
        assertThat(ParameterCountingDataSource.placeholders("SELECT ? FROM t WHERE a = ? AND b = '?'")).isEqualTo(2);
        assertThat(ParameterCountingDataSource.placeholders("SELECT \"a?\" FROM t -- why?\n WHERE c = ? /* or ? */")).isEqualTo(1);
        assertThat(ParameterCountingDataSource.placeholders("SELECT CAST(x AS INT)::text, ? FROM t")).isEqualTo(1);
        assertThat(ParameterCountingDataSource.placeholders("SELECT 1")).isZero();
    }

    /** Every store statement of every dialect, prepared as camel-sql prepares it, counts one placeholder per parameter. */
    @ParameterizedTest(name = "sql/{0}")
    @ValueSource(strings = {"h2", "postgresql", "sqlserver"})
    void everyStoreStatementCountsItsOwnParameters(String dialect) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:sql/" + dialect + "/*.sql");
        assertThat(files).hasSizeGreaterThan(50);
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            long parameters = CAMEL_PARAMETER.matcher(text).results().count();
            String prepared = CAMEL_PARAMETER.matcher(text).replaceAll("?");
            assertThat(ParameterCountingDataSource.placeholders(prepared)).as(file.getFilename()).isEqualTo((int) parameters);
        }
    }

    @Test
    void theDriverIsNotAskedWhileItIsWhenCalledDirectly() throws Exception {
        ParameterMetadataSpy driver = new ParameterMetadataSpy(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()));
        try (Connection c = new ParameterCountingDataSource(driver).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS INT) + CAST(? AS INT)")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
        }
        assertThat(driver.described()).isEmpty();
        try (Connection c = driver.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS INT)")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
        }
        assertThat(driver.described()).containsExactly("SELECT CAST(? AS INT)");
    }
}
