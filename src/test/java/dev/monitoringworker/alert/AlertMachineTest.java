package dev.monitoringworker.alert;

import dev.monitoringworker.alert.AlertEvent.Kind;
import dev.monitoringworker.threshold.ResultStatus;
import dev.monitoringworker.threshold.Thresholds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.monitoringworker.alert.AlertState.Critical;
import static dev.monitoringworker.alert.AlertState.NoData;
import static dev.monitoringworker.alert.AlertState.Ok;
import static dev.monitoringworker.alert.AlertState.Stale;
import static dev.monitoringworker.alert.AlertState.Unknown;
import static dev.monitoringworker.alert.AlertState.Warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertMachineTest {

    static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    /** value > 80 warns, > 90 is critical; no recovery limits; hard after 1 unless a test says otherwise. */
    static final Thresholds GT = Thresholds.of(80.0, 90.0, "GreaterThan");

    static AlertRules rules(Double warningRecovery, Double criticalRecovery, int hardAfter) {
        return new AlertRules(GT, warningRecovery, criticalRecovery, hardAfter, AlertRules.FLAP_WINDOW, AlertRules.FLAP_LOW,
                AlertRules.FLAP_HIGH, AlertRules.STALE_MULTIPLE);
    }

    /** Feeds runs one a minute and collects every event. */
    static final class Feed {
        final AlertRules rules;
        AlertTrack track = AlertTrack.fresh(T0);
        final List<AlertEvent> events = new ArrayList<>();
        int minute;

        Feed(AlertRules rules) {
            this.rules = rules;
        }

        Feed value(double... values) {
            for (double v : values) {
                run(new Observation(T0.plusSeconds(60L * ++minute), ResultStatus.valueOf(GT.judge(v).name()), v, "value " + v));
            }
            return this;
        }

        Feed error(int times) {
            for (int i = 0; i < times; i++) {
                run(new Observation(T0.plusSeconds(60L * ++minute), ResultStatus.Error, null, "connection refused"));
            }
            return this;
        }

        void run(Observation o) {
            AlertMachine.Step step = AlertMachine.observe(track, rules, o);
            track = step.track();
            events.addAll(step.events());
        }

        List<String> transitions() {
            return events.stream().filter(e -> e.kind() == Kind.StateChanged).map(e -> e.from() + ">" + e.to()).toList();
        }
    }

    @Nested
    class Transitions {

        @Test
        void everyDataStateChangeIsOneEvent() {
            Feed f = new Feed(rules(null, null, 1)).value(50, 85, 95, 85, 50, 95, 50);
            assertThat(f.transitions()).containsExactly("Ok>Warning", "Warning>Critical", "Critical>Warning", "Warning>Ok",
                    "Ok>Critical", "Critical>Ok");
            assertThat(f.events).extracting(AlertEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(f.events).allMatch(AlertEvent::notifies);
        }

        @Test
        void theSameStateAgainChangesNothing() {
            Feed f = new Feed(rules(null, null, 1)).value(95, 96, 97);
            assertThat(f.transitions()).containsExactly("Ok>Critical");
            assertThat(f.track.since()).isEqualTo(T0.plusSeconds(60));
            assertThat(f.track.lastSeenAt()).isEqualTo(T0.plusSeconds(180));
        }

        @Test
        void errorsAndTimeoutsAreUnknown() {
            Feed f = new Feed(rules(null, null, 1)).error(1);
            f.run(new Observation(T0.plusSeconds(600), ResultStatus.Timeout, null, "timed out"));
            assertThat(f.transitions()).containsExactly("Ok>Unknown");
            assertThat(f.events.get(0).reason()).contains("connection refused");
        }
    }

    @Nested
    class Hysteresis {

        @Test
        void criticalHoldsUntilTheValueNoLongerBreachesTheRecoveryLimit() {
            Feed f = new Feed(rules(null, 85.0, 1)).value(95, 89, 86);
            assertThat(f.track.state()).as("89 and 86 still breach CriticalRecovery 85").isEqualTo(Critical);
            f.value(85);
            assertThat(f.transitions()).as("85 > 85 is false: cleared, and 85 > 80 warns").containsExactly("Ok>Critical", "Critical>Warning");
        }

        @Test
        void warningHoldsUntilTheValueNoLongerBreachesItsRecoveryLimit() {
            Feed f = new Feed(rules(70.0, null, 1)).value(85, 79, 71);
            assertThat(f.track.state()).isEqualTo(Warning);
            f.value(70);
            assertThat(f.transitions()).containsExactly("Ok>Warning", "Warning>Ok");
        }

        @Test
        void fromCriticalTheWarningRecoveryLimitAlsoHolds() {
            Feed f = new Feed(rules(70.0, 85.0, 1)).value(95, 75);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Warning");
        }

        @Test
        void withoutRecoveryLimitsTheThresholdItselfClears() {
            Feed f = new Feed(rules(null, null, 1)).value(95, 90);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Warning");
        }

        @Test
        void anUnknownSpellDoesNotResetTheReference() {
            Feed f = new Feed(rules(null, 85.0, 1)).value(95).error(1).value(88);
            assertThat(f.transitions()).as("88 still breaches 85: the data state before the errors was Critical")
                    .containsExactly("Ok>Critical", "Critical>Unknown", "Unknown>Critical");
        }

        @Test
        void recoveryLimitsOnTheWrongSideAreRefusedNamingTheField() {
            assertThatThrownBy(() -> rules(null, 95.0, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CriticalRecovery 95.0").hasMessageContaining("CriticalThreshold 90.0");
            assertThatThrownBy(() -> new AlertRules(Thresholds.of(null, 90.0, ">"), 70.0, null, 1, 20, 0.2, 0.3, 3))
                    .hasMessageContaining("WarningRecovery 70.0 needs a WarningThreshold");
            assertThatThrownBy(() -> new AlertRules(Thresholds.of(5.0, 1.0, "<"), 7.0, 0.5, 1, 20, 0.2, 0.3, 3))
                    .hasMessageContaining("CriticalRecovery 0.5");
        }
    }

    @Nested
    class SoftAndHard {

        @Test
        void aProblemTurnsHardAfterHardAfterRunsInARow() {
            Feed f = new Feed(rules(null, null, 3)).value(95, 95);
            assertThat(f.events).isEmpty();
            assertThat(f.track.pending()).isEqualTo(Critical);
            assertThat(f.track.pendingCount()).isEqualTo(2);
            f.value(95);
            assertThat(f.transitions()).containsExactly("Ok>Critical");
            assertThat(f.events.get(0).reason()).contains("3 runs in a row");
        }

        @Test
        void aSoftProblemThatClearsSendsNothing() {
            Feed f = new Feed(rules(null, null, 3)).value(95, 95, 50, 95, 95, 50);
            assertThat(f.events).isEmpty();
            assertThat(f.track.state()).isEqualTo(Ok);
            assertThat(f.track.pending()).isNull();
        }

        @Test
        void runsCountAcrossProblemStatesAndTheLatestOneTurnsHard() {
            Feed f = new Feed(rules(null, null, 3)).value(85, 95).error(1);
            assertThat(f.transitions()).containsExactly("Ok>Unknown");
        }

        @Test
        void recoveryIsImmediate() {
            Feed f = new Feed(rules(null, null, 3)).value(95, 95, 95, 50);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Ok");
        }

        @Test
        void betweenWarningAndCriticalOnceHardIsImmediate() {
            Feed f = new Feed(rules(null, null, 3)).value(95, 95, 95, 85, 95);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Warning", "Warning>Critical");
        }

        @Test
        void unknownTakesHardAfterRunsEvenFromAProblemState() {
            Feed f = new Feed(rules(null, null, 3)).value(95, 95, 95).error(2);
            assertThat(f.track.state()).as("two failed runs during an incident do not hide it").isEqualTo(Critical);
            f.value(95);
            assertThat(f.transitions()).containsExactly("Ok>Critical");
            f.error(3);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Unknown");
        }

        @Test
        void onlyRealDataRecovers() {
            Feed f = new Feed(rules(null, null, 1)).value(95).error(5);
            assertThat(f.track.state()).isEqualTo(Unknown);
            assertThat(f.transitions()).doesNotContain("Critical>Ok", "Unknown>Ok");
            f.value(50);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Critical>Unknown", "Unknown>Ok");
        }
    }

    @Nested
    class Flapping {

        @Test
        void startsAtTheHighShareAndMutesNotificationsUntilItStops() {
            Feed f = new Feed(rules(null, null, 1));
            for (int i = 0; i < 10; i++) {
                f.value(95, 50);
            }
            List<AlertEvent> started = f.events.stream().filter(e -> e.kind() == Kind.FlappingStarted).toList();
            assertThat(started).hasSize(1);
            assertThat(started.get(0).notifies()).isTrue();
            assertThat(started.get(0).reason()).contains("100% state changes over the last 20 runs");
            int at = f.events.indexOf(started.get(0));
            assertThat(f.events.subList(0, at)).allMatch(AlertEvent::notifies);
            assertThat(f.events.subList(at + 1, f.events.size())).as("changes while flapping are recorded, not notified")
                    .isNotEmpty().noneMatch(AlertEvent::notifies);
            assertThat(f.track.flapping()).isTrue();

            for (int i = 0; i < 16; i++) {
                f.value(50);
            }
            List<AlertEvent> stopped = f.events.stream().filter(e -> e.kind() == Kind.FlappingStopped).toList();
            assertThat(stopped).hasSize(1);
            assertThat(stopped.get(0).notifies()).isTrue();
            assertThat(f.track.flapping()).isFalse();
            f.value(95);
            assertThat(f.events.get(f.events.size() - 1)).extracting(AlertEvent::to, AlertEvent::notifies).containsExactly(Critical, true);
        }

        @Test
        void betweenTheLimitsTheFlagKeepsItsValue() {
            assertThat(AlertMachine.changeShare("OOOOOOOOOOOOOOOOOOOC", 20)).isEqualTo(1 / 19.0);
            assertThat(AlertMachine.changeShare("OCOC", 20)).as("not a full window yet").isZero();
            assertThat(AlertMachine.append("OCW", Critical, 3)).isEqualTo("CWC");
        }

        @Test
        void softRunsCountTowardsFlapping() {
            Feed f = new Feed(rules(null, null, 3));
            for (int i = 0; i < 10; i++) {
                f.value(95, 50);
            }
            assertThat(f.transitions()).as("never hard").isEmpty();
            assertThat(f.events).extracting(AlertEvent::kind).containsExactly(Kind.FlappingStarted);
        }
    }

    @Nested
    class StaleAndNoData {

        final AlertRules rules = rules(null, null, 1);
        final Duration minute = Duration.ofMinutes(1);

        @Test
        void staleOnceNoRunWasSeenForTheMultipleOfTheInterval() {
            Feed f = new Feed(rules).value(95);
            Instant last = f.track.lastSeenAt();
            assertThat(AlertMachine.checkStale(f.track, rules, minute, last.plusSeconds(179)).events()).isEmpty();
            AlertMachine.Step stale = AlertMachine.checkStale(f.track, rules, minute, last.plusSeconds(181));
            assertThat(stale.events()).singleElement().satisfies(e -> {
                assertThat(e.from()).isEqualTo(Critical);
                assertThat(e.to()).isEqualTo(Stale);
                assertThat(e.reason()).contains("no run for 181 s");
            });
            assertThat(AlertMachine.checkStale(stale.track(), rules, minute, last.plusSeconds(900)).events()).as("once").isEmpty();
        }

        @Test
        void aRunAfterStaleIsJudgedOnItsOwnAndErrorsDoNotRecover() {
            Feed f = new Feed(rules).value(95);
            f.track = AlertMachine.checkStale(f.track, rules, minute, T0.plusSeconds(3600)).track();
            f.error(1);
            assertThat(f.track.state()).isEqualTo(Unknown);
            f.value(50);
            assertThat(f.transitions()).containsExactly("Ok>Critical", "Stale>Unknown", "Unknown>Ok");
        }

        @Test
        void aVanishedKeyIsNoDataOnceAndComesBackOnRealData() {
            Feed f = new Feed(rules).value(85);
            AlertMachine.Step gone = AlertMachine.vanished(f.track, T0.plusSeconds(600));
            assertThat(gone.events()).singleElement().extracting(AlertEvent::from, AlertEvent::to).containsExactly(Warning, NoData);
            assertThat(AlertMachine.vanished(gone.track(), T0.plusSeconds(660)).events()).isEmpty();
            f.track = gone.track();
            f.value(50);
            assertThat(f.events.get(f.events.size() - 1)).extracting(AlertEvent::from, AlertEvent::to).containsExactly(NoData, Ok);
            assertThat(f.track.sequence()).isEqualTo(3);
        }
    }

    @Nested
    class RulesFromQueryRows {

        final AlertRules defaults = AlertRules.defaults(Thresholds.NONE);

        static java.util.Map<String, Object> row(Object... pairs) {
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
            return m;
        }

        @Test
        void emptyRuleColumnsTakeTheDefaults() {
            AlertRules r = AlertRules.from(dev.monitoringworker.store.Row.of(row("WarningThreshold", 80.0, "CriticalThreshold", 90.0,
                    "ComparisonOperator", ">")), defaults);
            assertThat(r.thresholds()).isEqualTo(GT);
            assertThat(r).extracting(AlertRules::warningRecovery, AlertRules::criticalRecovery, AlertRules::hardAfter, AlertRules::flapLow,
                    AlertRules::flapHigh, AlertRules::staleMultiple).containsExactly(null, null, 3, 0.20, 0.30, 3.0);
        }

        @Test
        void ruleColumnsOverrideTheDefaults() {
            AlertRules r = AlertRules.from(dev.monitoringworker.store.Row.of(row("WarningThreshold", 80.0, "CriticalThreshold", 90.0,
                    "WarningRecovery", 70.0, "CriticalRecovery", 85.0, "HardAfter", 5, "FlapLowPercent", 10.0, "FlapHighPercent", 40.0,
                    "StaleAfterIntervals", 2.5)), defaults);
            assertThat(r).extracting(AlertRules::warningRecovery, AlertRules::criticalRecovery, AlertRules::hardAfter, AlertRules::flapLow,
                    AlertRules::flapHigh, AlertRules::staleMultiple).containsExactly(70.0, 85.0, 5, 0.10, 0.40, 2.5);
        }

        @Test
        void unusableValuesAreRefusedNamingTheColumn() {
            assertThatThrownBy(() -> AlertRules.from(dev.monitoringworker.store.Row.of(row("HardAfter", 0)), defaults))
                    .hasMessage("HardAfter 0 must be at least 1");
            assertThatThrownBy(() -> AlertRules.from(dev.monitoringworker.store.Row.of(row("FlapHighPercent", 150.0)), defaults))
                    .hasMessageContaining("FlapHighPercent 150.0 must be a percentage");
            assertThatThrownBy(() -> AlertRules.from(dev.monitoringworker.store.Row.of(row("FlapLowPercent", 50.0, "FlapHighPercent", 30.0)), defaults))
                    .hasMessageContaining("FlapLowPercent 50 and FlapHighPercent 30");
            assertThatThrownBy(() -> AlertRules.from(dev.monitoringworker.store.Row.of(row("StaleAfterIntervals", 1.0)), defaults))
                    .hasMessageStartingWith("StaleAfterIntervals 1.0 must be above 1");
            assertThatThrownBy(() -> AlertRules.from(dev.monitoringworker.store.Row.of(row("ComparisonOperator", "~")), defaults))
                    .hasMessageContaining("unknown ComparisonOperator '~'");
        }
    }
}
