package dev.monitoringworker.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceWindowsTest {

    @Test
    void aRowThatCannotBeUsedHoldsNothingBackAndTheOthersStillDo() {
        UUID connection = UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Map<String, Object> noDuration = new HashMap<>(Map.of("WindowId", UUID.randomUUID(), "Kind", "Maintenance", "ConnectionId", connection,
                "StartsAt", now.minusHours(1), "Cron", "0 * * * * ?", "Reason", "typo", "CreatedBy", "dba"));
        Map<String, Object> good = new HashMap<>(Map.of("WindowId", UUID.randomUUID(), "Kind", "Maintenance", "ConnectionId", connection,
                "StartsAt", now.minusMinutes(5), "EndsAt", now.plusMinutes(5), "Reason", "patching", "CreatedBy", "dba"));
        MaintenanceWindows windows = new MaintenanceWindows();
        windows.refresh(List.of(noDuration, good));
        assertThat(windows.all()).hasSize(1);
        assertThat(windows.holding(connection, "prod", UUID.randomUUID(), "", Instant.now()).reason()).isEqualTo("patching");
        assertThat(windows.holding(UUID.randomUUID(), "prod", UUID.randomUUID(), "", Instant.now())).isNull();
        assertThat(windows.ended()).as("not over yet").isEmpty();
    }
}
