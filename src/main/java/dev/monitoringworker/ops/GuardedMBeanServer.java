package dev.monitoringworker.ops;

import dev.monitoringworker.web.Role;

import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.NotificationListener;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands between the remote JMX connector and the platform MBean server and lets through only what
 * {@link ManagementPolicy} allows the signed-in user's role. Everything not named here (attribute writes, MBean
 * creation and removal, class loading, deserialization) is refused.
 */
public final class GuardedMBeanServer implements InvocationHandler {

    private MBeanServer server;

    private GuardedMBeanServer() {
    }

    public static MBeanServerForwarder create() {
        return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
                new Class<?>[]{MBeanServerForwarder.class}, new GuardedMBeanServer());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getMBeanServer":
                return server;
            case "setMBeanServer":
                server = (MBeanServer) args[0];
                return null;
            case "getMBeanCount", "getDefaultDomain", "getDomains", "isRegistered":
                return forward(method, args);
            case "getClassLoaderRepository", "getClassLoader", "getClassLoaderFor":
                // the connector's own use, in this process: MBeanServerConnection offers these to no client
                return forward(method, args);
            case "queryNames":
                return ((Set<?>) forward(method, args)).stream().filter(n -> ManagementPolicy.visible((ObjectName) n))
                        .collect(Collectors.toSet());
            case "queryMBeans":
                return ((Set<?>) forward(method, args)).stream().filter(i -> ManagementPolicy.visible(((ObjectInstance) i).getObjectName()))
                        .collect(Collectors.toSet());
            case "getMBeanInfo", "getObjectInstance", "isInstanceOf":
                return forward(method, args, ManagementPolicy.visible((ObjectName) args[0]) && role() != null, "MBean " + args[0]);
            case "getAttribute":
                return forward(method, args, ManagementPolicy.mayRead((ObjectName) args[0], (String) args[1])
                        && role() != null, (ObjectName) args[0] + " attribute " + args[1]);
            case "getAttributes":
                return readable((ObjectName) args[0], (String[]) args[1]);
            case "addNotificationListener", "removeNotificationListener":
                // a listener object (what remote clients get); never another MBean as the listener
                boolean allowed = (args.length < 2 || args[1] instanceof NotificationListener) && ManagementPolicy.visible((ObjectName) args[0]);
                return forward(method, args, allowed && role() != null, args[0] + " notifications");
            case "invoke":
                return forward(method, args, ManagementPolicy.mayInvoke(role(), (ObjectName) args[0], (String) args[1]),
                        "operation " + args[0] + "." + args[1]);
            default:
                throw refused(name + (args != null && args.length > 0 && args[0] instanceof ObjectName on ? " on " + on : ""));
        }
    }

    private Object forward(Method method, Object[] args, boolean allowed, String what) throws Throwable {
        if (!allowed) {
            throw refused(what);
        }
        return forward(method, args);
    }

    private Object forward(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(server, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private AttributeList readable(ObjectName name, String[] attributes) throws Exception {
        if (!ManagementPolicy.visible(name) || role() == null) {
            throw refused("MBean " + name);
        }
        String[] allowed = Arrays.stream(attributes).filter(a -> ManagementPolicy.mayRead(name, a)).toArray(String[]::new);
        return server.getAttributes(name, allowed);
    }

    private static Role role() {
        return ManagementPrincipal.currentRole().orElse(null);
    }

    private static SecurityException refused(String what) {
        Role role = role();
        return new SecurityException("not allowed over JMX" + (role == null ? "" : " to " + role.name().toLowerCase(Locale.ROOT)) + ": " + what);
    }
}
