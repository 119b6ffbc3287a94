package dev.monitoringworker.execution;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TargetPoolsTest {

    private final AtomicLong clock = new AtomicLong();
    private final TargetPools pools = new TargetPools(null, true, Duration.ofMinutes(10), clock::get);

    @AfterEach
    void close() {
        pools.close();
    }

    @Test
    void everyPoolSharesOneHousekeepingThread() throws Exception {
        int before = threadsNamedTarget();
        for (int i = 0; i < 40; i++) {
            assertThat(selectOne(pools.poolFor(h2("pooled " + i), Provider.H2))).isEqualTo(1);
        }
        assertThat(pools.size()).isEqualTo(40);
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .filteredOn(n -> n.startsWith("target-") && n.endsWith(" housekeeper")).as("HikariCP's own housekeeper per pool").isEmpty();
        // HikariCP's connection adders end 5 s after their last connect; what stays is the one shared housekeeper
        await().atMost(Duration.ofSeconds(20)).until(() -> threadsNamedTarget() - before <= 1);
        assertThat(pools.size()).isEqualTo(40);
    }

    @Test
    void disabledDeletedAndChangedConnectionsLoseTheirPools() throws Exception {
        TargetConnection kept = h2("kept");
        TargetConnection disabled = h2("disabled");
        TargetConnection changed = h2("changed");
        TargetConnection deleted = h2("deleted");
        List<DataSource> opened = new ArrayList<>();
        for (TargetConnection c : List.of(kept, disabled, changed, deleted)) {
            opened.add(pools.poolFor(c, Provider.H2));
            assertThat(selectOne(opened.get(opened.size() - 1))).isEqualTo(1);
        }
        TargetConnection changedRow = new TargetConnection(changed.connectionId(), "changed", "H2", changed.connectionString(), "it", true, 5, 30, 3);
        TargetConnection disabledRow = new TargetConnection(disabled.connectionId(), "disabled", "H2", disabled.connectionString(), "it", false, 5, 30, 1);

        assertThat(pools.retire(List.of(kept, disabledRow, changedRow)))
                .containsExactlyInAnyOrder(disabled.connectionId(), changed.connectionId(), deleted.connectionId());

        assertThat(pools.size()).isEqualTo(1);
        assertThat(pools.poolFor(kept, Provider.H2)).isSameAs(opened.get(0));
        for (DataSource closed : opened.subList(1, 4)) {
            assertThatThrownBy(closed::getConnection).isInstanceOf(SQLException.class)
                    .hasMessage("the connection's pool was closed: the connection was disabled, deleted or changed while this run waited");
        }
        DataSource rebuilt = pools.poolFor(changedRow, Provider.H2);
        assertThat(rebuilt).isNotSameAs(opened.get(2));
        assertThat(selectOne(rebuilt)).isEqualTo(1);
        assertThat(pools.retire(List.of(kept, changedRow))).as("nothing changed since").isEmpty();
    }

    @Test
    void aPoolDroppedByItsBreakerIsStillRetiredWhenItsRowChanges() {
        TargetConnection c = h2("evicted");
        pools.poolFor(c, Provider.H2);
        pools.evict(c.connectionId());
        assertThat(pools.size()).isZero();
        assertThat(pools.retire(List.of())).containsExactly(c.connectionId());
    }

    @Test
    void aPoolNoRunBorrowedFromForTheIdleTimeCloses() {
        TargetConnection quiet = h2("quiet");
        TargetConnection busy = h2("busy");
        DataSource quietPool = pools.poolFor(quiet, Provider.H2);
        pools.poolFor(busy, Provider.H2);
        clock.set(Duration.ofMinutes(9).toNanos());
        pools.poolFor(busy, Provider.H2);
        assertThat(pools.closeIdle()).isEmpty();

        clock.set(Duration.ofMinutes(10).toNanos());
        assertThat(pools.closeIdle()).containsExactly(quiet.connectionId());
        assertThatThrownBy(quietPool::getConnection).isInstanceOf(SQLException.class);
        clock.set(Duration.ofMinutes(19).minusSeconds(1).toNanos());
        assertThat(pools.closeIdle()).isEmpty();
        clock.set(Duration.ofMinutes(19).toNanos());
        assertThat(pools.closeIdle()).containsExactly(busy.connectionId());
        assertThat(pools.size()).isZero();
        assertThat(pools.poolFor(quiet, Provider.H2)).as("the next run opens a new pool").isNotSameAs(quietPool);
    }

    private static TargetConnection h2(String name) {
        return new TargetConnection(UUID.randomUUID(), name, "H2", "jdbc:h2:mem:pools-" + name.replace(' ', '-') + ";DB_CLOSE_DELAY=-1", "it", true, 5, 30, 1);
    }

    private static int selectOne(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int threadsNamedTarget() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("target-")).count();
    }
}
