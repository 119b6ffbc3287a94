package dev.monitoringworker.ops;

import dev.monitoringworker.web.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementPolicyTest {

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final ObjectName ROUTE = name("org.apache.camel:context=w,type=routes,name=\"poll-worker-jobs\"");
    private static final ObjectName CONTEXT = name("org.apache.camel:context=w,type=context,name=\"w\"");
    private static final ObjectName WORKER = name("monitoring.worker:type=Worker,name=\"w-1\"");

    @Nested
    class Operators {
        @ParameterizedTest
        @ValueSource(strings = {"start", "stop", "suspend", "resume"})
        void manageRoutes(String operation) {
            assertThat(ManagementPolicy.mayInvoke(Role.OPERATOR, ROUTE, operation)).isTrue();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, ROUTE, operation)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"pauseClaiming", "resumeClaiming", "drain"})
        void useTheWorkerMBean(String operation) {
            assertThat(ManagementPolicy.mayInvoke(Role.OPERATOR, WORKER, operation)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"requestBody", "sendBody", "requestBodyAndHeaders", "sendStringBody", "evaluateSimple", "createRouteStaticEndpointJson",
                "addOrUpdateRoutesFromXml", "stop", "restart"})
        void neverSendMessagesEvaluateOrReshapeTheContext(String operation) {
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, CONTEXT, operation)).isFalse();
        }

        @Test
        void neverTouchTheJvmOrOtherMBeansOrRewriteRoutes() {
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("com.sun.management:type=DiagnosticCommand"), "jvmtiAgentLoad")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("java.lang:type=Memory"), "gc")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("javax.management.loading:type=MLet"), "getMBeansFromURL")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, ROUTE, "updateRouteFromXml")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("org.apache.camel:context=w,type=endpoints,name=\"x\""), "stop")).isFalse();
            assertThat(ManagementPolicy.mayInvoke(Role.ADMIN, name("monitoring.worker:type=Other"), "drain")).isFalse();
        }
    }

    @Test
    void viewersOnlyRead() {
        assertThat(ManagementPolicy.mayInvoke(Role.VIEWER, ROUTE, "stop")).isFalse();
        assertThat(ManagementPolicy.mayInvoke(Role.VIEWER, WORKER, "drain")).isFalse();
        assertThat(ManagementPolicy.mayInvoke(null, ROUTE, "stop")).as("nobody signed in").isFalse();
        assertThat(ManagementPolicy.mayRead(ROUTE, "State")).isTrue();
        assertThat(ManagementPolicy.mayRead(WORKER, "Status")).isTrue();
    }

    @Test
    void secretsOfTheJvmAndForeignMBeansStayHidden() {
        ObjectName runtime = name("java.lang:type=Runtime");
        assertThat(ManagementPolicy.mayRead(runtime, "Uptime")).isTrue();
        assertThat(ManagementPolicy.mayRead(runtime, "SystemProperties")).isFalse();
        assertThat(ManagementPolicy.mayRead(runtime, "InputArguments")).isFalse();
        assertThat(ManagementPolicy.mayRead(runtime, null)).as("all attributes at once would include them").isFalse();
        assertThat(ManagementPolicy.visible(name("com.sun.management:type=HotSpotDiagnostic"))).isFalse();
        assertThat(ManagementPolicy.visible(name("com.zaxxer.hikari:type=Pool (store)"))).isFalse();
    }
}
