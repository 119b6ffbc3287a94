package dev.monitoringworker.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Users for a test worker, as monitoring.api.users properties: each signs in with the password {@code <name>-pw-1}. */
public final class TestUsers {

    private TestUsers() {
    }

    public static String password(String name) {
        return name + "-pw-1";
    }

    /** @param nameRolePairs name, role, name, role, ... */
    public static Map<String, Object> properties(String... nameRolePairs) {
        Map<String, Object> p = new LinkedHashMap<>();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        for (int i = 0; i < nameRolePairs.length / 2; i++) {
            p.put("monitoring.api.users[" + i + "].name", nameRolePairs[2 * i]);
            p.put("monitoring.api.users[" + i + "].role", nameRolePairs[2 * i + 1]);
            p.put("monitoring.api.users[" + i + "].password-hash", bcrypt.encode(password(nameRolePairs[2 * i])));
        }
        return p;
    }
}
