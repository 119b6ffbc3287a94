package dev.monitoringworker.target;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionStringsTest {

    private static final String SECRET = "s3cr3t-Value";

    @Nested
    class SqlServer {
        @Test
        void translatesTheSeedForm() {
            JdbcTarget t = ConnectionStrings.translate(Provider.SqlServer,
                    "Server=db.example.org,1433;Database=PopAI;User Id=monitor;Password=" + SECRET + ";TrustServerCertificate=true;");
            assertThat(t.url()).isEqualTo("jdbc:sqlserver://db.example.org:1433;databaseName=PopAI");
            assertThat(t.username()).isEqualTo("monitor");
            assertThat(t.password()).isEqualTo(SECRET);
            assertThat(t.properties()).containsEntry("trustServerCertificate", "true");
            assertThat(t.url()).doesNotContain(SECRET);
        }

        @Test
        void namedInstanceTcpPrefixAndLocalhost() {
            assertThat(ConnectionStrings.translate(Provider.SqlServer, "Data Source=tcp:sql01\\PROD;Initial Catalog=x").url())
                    .isEqualTo("jdbc:sqlserver://sql01\\PROD;databaseName=x");
            assertThat(ConnectionStrings.translate(Provider.SqlServer, "Server=(local);Integrated Security=SSPI").properties())
                    .containsEntry("integratedSecurity", "true");
            assertThat(ConnectionStrings.translate(Provider.SqlServer, "Server=.").url()).isEqualTo("jdbc:sqlserver://localhost:1433");
        }

        @Test
        void quotedPasswordMayHoldSemicolonsAndQuotes() {
            JdbcTarget t = ConnectionStrings.translate(Provider.SqlServer, "Server=h;Password='a;b''c';User Id=u");
            assertThat(t.password()).isEqualTo("a;b'c");
            assertThat(t.username()).isEqualTo("u");
        }

        @Test
        void jdbcUrlPassesThrough() {
            String url = "jdbc:sqlserver://h:1433;databaseName=d";
            assertThat(ConnectionStrings.translate(Provider.SqlServer, url).url()).isEqualTo(url);
        }
    }

    @Nested
    class PostgreSQL {
        @Test
        void translatesNpgsqlForm() {
            JdbcTarget t = ConnectionStrings.translate(Provider.PostgreSQL,
                    "Host=pg.example.org;Port=5433;Database=app;Username=mon;Password=" + SECRET + ";SSL Mode=VerifyFull;Timeout=5");
            assertThat(t.url()).isEqualTo("jdbc:postgresql://pg.example.org:5433/app");
            assertThat(t.properties()).containsEntry("sslmode", "verify-full").containsEntry("connectTimeout", "5");
        }

        @Test
        void defaultPortAndHostPortForm() {
            assertThat(ConnectionStrings.translate(Provider.PostgreSQL, "Server=pg;Database=d").url()).isEqualTo("jdbc:postgresql://pg:5432/d");
            assertThat(ConnectionStrings.translate(Provider.PostgreSQL, "Server=pg:6000;Database=d").url()).isEqualTo("jdbc:postgresql://pg:6000/d");
        }
    }

    @Nested
    class MySQL {
        @Test
        void translatesMySqlConnectorForm() {
            JdbcTarget t = ConnectionStrings.translate(Provider.MySQL, "Server=my;Port=3307;Database=shop;Uid=mon;Pwd=" + SECRET + ";SslMode=Required");
            assertThat(t.url()).isEqualTo("jdbc:mariadb://my:3307/shop");
            assertThat(t.username()).isEqualTo("mon");
            assertThat(t.properties()).containsEntry("sslMode", "trust");
        }

        @Test
        void mysqlJdbcUrlIsServedByTheMariaDbDriver() {
            assertThat(ConnectionStrings.translate(Provider.MySQL, "jdbc:mysql://my:3306/shop?x=1").url()).isEqualTo("jdbc:mariadb://my:3306/shop?x=1");
        }
    }

    @Nested
    class Oracle {
        @Test
        void ezConnectAndDescriptor() {
            assertThat(ConnectionStrings.translate(Provider.Oracle, "Data Source=ora:1522/ORCLPDB1;User Id=mon;Password=x").url())
                    .isEqualTo("jdbc:oracle:thin:@//ora:1522/ORCLPDB1");
            assertThat(ConnectionStrings.translate(Provider.Oracle, "Data Source=(DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))").url())
                    .isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))");
        }

        @Test
        void needsAService() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.Oracle, "Data Source=ora")).hasMessageContaining("service name");
        }
    }

    @Nested
    class Malformed {
        @Test
        void theSeedPlaceholderIsNotAHost() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.SqlServer, "Server=...;Database=...;"))
                    .isInstanceOf(ConnectionStringException.class).hasMessage("ConnectionString server '...' is not a host name or address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void empty(String text) {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, text)).hasMessage("ConnectionString is empty");
        }

        @Test
        void missingServer() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "Database=d;Password=" + SECRET))
                    .hasMessageContaining("no Server").hasMessageNotContaining(SECRET);
        }

        @Test
        void partWithoutEquals() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.MySQL, "Server=h;" + SECRET))
                    .hasMessage("ConnectionString part 2 has no '=': expected key=value pairs separated by ';'");
        }

        @Test
        void unknownKeyIsNamedButNeverItsValue() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "Server=h;Passwort=" + SECRET))
                    .hasMessageContaining("'passwort'").hasMessageNotContaining(SECRET);
        }

        @Test
        void badPortAndUnclosedQuote() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "Server=h;Port=99999")).hasMessageContaining("not a port number");
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "Server=h;Password='" + SECRET))
                    .hasMessage("ConnectionString value of 'password' has an unclosed quote");
        }

        @Test
        void jdbcUrlOfAnotherProvider() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "jdbc:mariadb://h/d?password=" + SECRET))
                    .hasMessage("ConnectionString is a JDBC URL for 'jdbc:mariadb' but Provider is PostgreSQL (expected jdbc:postgresql:...)");
        }

        @Test
        void duplicateKeys() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.PostgreSQL, "Server=a;Host=b;server=c")).hasMessageContaining("twice");
        }

        @Test
        void h2TakesUrlsOnly() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.H2, "Server=h")).hasMessageContaining("jdbc:h2");
        }
    }

    @Test
    void targetToStringHidesThePassword() {
        JdbcTarget t = ConnectionStrings.translate(Provider.PostgreSQL, "Server=h;Password=" + SECRET);
        assertThat(t.toString()).doesNotContain(SECRET).contains("***");
    }

    @Test
    void providerAliases() {
        assertThat(Provider.parse("mariadb")).isEqualTo(Provider.MySQL);
        assertThat(Provider.parse(" Postgres ")).isEqualTo(Provider.PostgreSQL);
        assertThat(Provider.parse("MSSQL")).isEqualTo(Provider.SqlServer);
        assertThatThrownBy(() -> Provider.parse("DB2")).hasMessageContaining("unknown Provider 'DB2'");
        assertThat(Provider.PostgreSQL.accepts(null)).isTrue();
        assertThat(Provider.PostgreSQL.accepts("MySQL")).isFalse();
    }
}
