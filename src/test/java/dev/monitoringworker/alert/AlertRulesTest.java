package dev.monitoringworker.alert;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    @Test
    void aFlapWindowWiderThanTheHistoryColumnStopsTheStartNamingTheProperty() {
        AlertsProperties alerts = alerts("flap-window", "150");
        assertThatThrownBy(() -> AlertRules.configured(alerts)).isInstanceOf(IllegalStateException.class)
                .hasMessage("monitoring.alerts.*: flap-window 150 must be between 2 and 100 runs: AlertStates.History keeps one letter per run and holds 100");
    }

    @Test
    void theWidestWindowTheColumnHoldsIsAccepted() {
        AlertRules rules = AlertRules.configured(alerts("flap-window", "100"));
        assertThat(rules.flapWindow()).isEqualTo(100);
        String history = "";
        for (int i = 0; i < 250; i++) {
            history = AlertMachine.append(history, i % 2 == 0 ? AlertState.Ok : AlertState.Critical, rules.flapWindow());
        }
        assertThat(history).hasSize(AlertRules.HISTORY_WIDTH);
    }

    @Test
    void otherBadDefaultsNameTheirPropertyToo() {
        assertThatThrownBy(() -> AlertRules.configured(alerts("hard-after", "0")))
                .hasMessage("monitoring.alerts.*: hard-after 0 must be at least 1");
    }

    /** monitoring.alerts.* bound as the worker binds it, with one property set. */
    private static AlertsProperties alerts(String property, String value) {
        MockEnvironment env = new MockEnvironment().withProperty("monitoring.alerts." + property, value);
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("monitoring.alerts", AlertsProperties.class);
    }
}
