package dev.monitoringworker.ops;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

import javax.management.ObjectName;
import java.util.Set;

/**
 * Jolokia's access rules ({@code camel.component.jolokia.server-config.restrictorClass}): {@link ManagementPolicy}
 * for the user {@link JolokiaLogin} signed in. Reads, searches, lists and the allowed operations only: no attribute
 * writes, no notifications, no requests from browser pages of other origins.
 */
public class JolokiaRestrictor implements Restrictor {

    private static final Set<RequestType> ALLOWED = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH, RequestType.VERSION,
            RequestType.EXEC);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return ALLOWED.contains(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return ManagementPrincipal.currentRole().isPresent() && ManagementPolicy.mayRead(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        // Jolokia passes the operation as requested, with its signature when overloaded: "stop()", "stop(long)"
        String bare = operation == null ? null : operation.replaceFirst("\\(.*$", "").trim();
        return ManagementPolicy.mayInvoke(ManagementPrincipal.currentRole().orElse(null), name, bare);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        // a browser page elsewhere must not drive the agent with credentials its user's browser holds
        return origin == null || origin.isBlank();
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return !ManagementPolicy.visible(name);
    }
}
