package dev.monitoringworker.alert;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    @Test
    void aFlapWindowWiderThanTheHistoryColumnStopsTheStartNamingTheProperty() {
        MockEnvironment env = new MockEnvironment().withProperty("monitoring.alerts.flap-window", "150");
        assertThatThrownBy(() -> AlertRules.configured(env)).isInstanceOf(IllegalStateException.class)
                .hasMessage("monitoring.alerts.*: flap-window 150 must be between 2 and 100 runs: AlertStates.History keeps one letter per run and holds 100");
    }

    @Test
    void theWidestWindowTheColumnHoldsIsAccepted() {
        AlertRules rules = AlertRules.configured(new MockEnvironment().withProperty("monitoring.alerts.flap-window", "100"));
        assertThat(rules.flapWindow()).isEqualTo(100);
        String history = "";
        for (int i = 0; i < 250; i++) {
            history = AlertMachine.append(history, i % 2 == 0 ? AlertState.Ok : AlertState.Critical, rules.flapWindow());
        }
        assertThat(history).hasSize(AlertRules.HISTORY_WIDTH);
    }

    @Test
    void otherBadDefaultsNameTheirPropertyToo() {
        assertThatThrownBy(() -> AlertRules.configured(new MockEnvironment().withProperty("monitoring.alerts.hard-after", "0")))
                .hasMessage("monitoring.alerts.*: hard-after 0 must be at least 1");
    }
}
