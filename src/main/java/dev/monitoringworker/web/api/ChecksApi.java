package dev.monitoringworker.web.api;

import dev.monitoringworker.checks.CheckInstaller;
import dev.monitoringworker.checks.CheckPack;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/** Ready-made checks per engine: what each pack holds and what of it is installed; installing a pack. */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "Check packs", description = "Read: viewer. Install: admin.")
public class ChecksApi {

    private static final Logger LOG = LoggerFactory.getLogger(ChecksApi.class);

    private final CheckInstaller installer;
    private final StoreApi store;

    public ChecksApi(CheckInstaller installer, StoreApi store) {
        this.installer = installer;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Every pack with its checks: name, description, and state (NotInstalled, Installed, Outdated, Edited, NameTakenByAnotherQuery)")
    public List<Map<String, Object>> packs() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : CheckPack.NAMES) {
            CheckPack pack = CheckPack.load(name);
            Map<String, String> states = installer.states(name);
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("pack", pack.pack());
            shown.put("provider", pack.provider());
            shown.put("versions", pack.versions());
            shown.put("checks", pack.checks().stream().map(c -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("name", c.name());
                check.put("state", states.get(c.name()));
                check.put("description", c.description());
                return check;
            }).toList());
            out.add(shown);
        }
        return out;
    }

    @PostMapping("/{pack}/install")
    @Operation(summary = "Installs a pack's checks; idempotent, and never overwrites a check changed since it was installed (404 for no such pack)")
    public Map<String, Object> install(@PathVariable String pack, Authentication who) {
        if (!CheckPack.NAMES.contains(pack)) {
            throw ApiException.notFound("check pack '" + pack + "'; there are " + String.join(", ", CheckPack.NAMES));
        }
        String user = user(who);
        List<CheckInstaller.Line> report = installer.install(pack, user);
        Map<CheckInstaller.Outcome, Long> counts = report.stream().collect(Collectors.groupingBy(CheckInstaller.Line::outcome, Collectors.counting()));
        store.write("api-insert-audit", params("UserName", user, "Action", "InstallCheckPack", "Subject", pack, "Details", counts.toString()));
        LOG.info("Check pack {} installed by {}: {}", pack, user, counts);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pack", pack);
        out.put("checks", report.stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", l.check());
            line.put("outcome", l.outcome().name());
            line.put("note", l.note());
            return line;
        }).toList());
        return out;
    }
}
