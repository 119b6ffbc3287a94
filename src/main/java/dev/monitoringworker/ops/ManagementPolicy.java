package dev.monitoringworker.ops;

import dev.monitoringworker.web.Role;

import javax.management.ObjectName;
import java.util.Map;
import java.util.Set;

/**
 * What a signed-in user may do over remote JMX and Jolokia. Viewers read attributes of the worker's, Camel's and
 * the JVM's own MBeans (never the JVM's system properties or command line, which may carry secrets). Operators and
 * admins also start, stop, suspend and resume Camel routes and use the worker MBean's operations. Nothing else is
 * allowed to anyone: no attribute writes, no MBean creation (MLet), no Camel operation that sends messages or
 * evaluates expressions, no JVM operation (heap dumps, diagnostic commands).
 */
public final class ManagementPolicy {

    public static final String WORKER_DOMAIN = "monitoring.worker";
    private static final Set<String> READABLE_DOMAINS = Set.of("org.apache.camel", WORKER_DOMAIN, "java.lang", "java.nio",
            "java.util.logging", "JMImplementation");
    private static final Map<String, Set<String>> HIDDEN_ATTRIBUTES = Map.of(
            "java.lang:type=Runtime", Set.of("SystemProperties", "InputArguments"));
    private static final Set<String> ROUTE_OPERATIONS = Set.of("start", "stop", "suspend", "resume");
    private static final Set<String> WORKER_OPERATIONS = Set.of("pauseClaiming", "resumeClaiming", "drain");

    private ManagementPolicy() {
    }

    /** Whether the MBean shows at all (queries, lists); its attributes may still be hidden one by one. */
    public static boolean visible(ObjectName name) {
        return name != null && READABLE_DOMAINS.contains(name.getDomain());
    }

    /** @param attribute null for "every attribute" of the MBean */
    public static boolean mayRead(ObjectName name, String attribute) {
        if (!visible(name)) {
            return false;
        }
        Set<String> hidden = HIDDEN_ATTRIBUTES.getOrDefault(name.getCanonicalName(), Set.of());
        return attribute == null ? hidden.isEmpty() : !hidden.contains(attribute);
    }

    public static boolean mayInvoke(Role role, ObjectName name, String operation) {
        if (role == null || role == Role.VIEWER || name == null || operation == null) {
            return false;
        }
        if (name.getDomain().equals("org.apache.camel")) {
            return "routes".equals(name.getKeyProperty("type")) && ROUTE_OPERATIONS.contains(operation);
        }
        return name.getDomain().equals(WORKER_DOMAIN) && "Worker".equals(name.getKeyProperty("type"))
                && WORKER_OPERATIONS.contains(operation);
    }
}
