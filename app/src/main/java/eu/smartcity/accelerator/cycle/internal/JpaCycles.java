package eu.smartcity.accelerator.cycle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.BylawsCatalog;
import eu.smartcity.accelerator.cycle.Cycles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JpaCycles implements Cycles {

    static final String CYCLE_PROCESS = "accelerator-cycle";

    private final CycleRepository cycles;
    private final BylawsCatalog catalog;
    private final ObjectMapper json;
    private final RuntimeService runtimeService;

    JpaCycles(CycleRepository cycles, BylawsCatalog catalog, ObjectMapper json, RuntimeService runtimeService) {
        this.cycles = cycles;
        this.catalog = catalog;
        this.json = json;
        this.runtimeService = runtimeService;
    }

    @Override
    public CycleView open(String name, String bylawsVersion) {
        Bylaws bylaws = catalog.find(bylawsVersion)
                .orElseThrow(() -> new IllegalArgumentException("No bylaws version '" + bylawsVersion + "'; known: "
                        + catalog.all().keySet()));
        String rules = write(bylaws);
        Cycle cycle = cycles.save(new Cycle(name, bylawsVersion, rules, sha256(rules), Instant.now()));
        runtimeService.startProcessInstanceByKey(CYCLE_PROCESS, cycle.id().toString(),
                Map.of("cycleId", cycle.id().toString(), "bylawsVersion", bylawsVersion));
        return view(cycle);
    }

    @Override
    @Transactional(readOnly = true)
    public Bylaws bylawsOf(UUID cycleId) {
        try {
            return json.readValue(find(cycleId).rulesJson(), Bylaws.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Pinned bylaws of cycle " + cycleId + " are unreadable", e);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public CycleView get(UUID cycleId) {
        return view(find(cycleId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CycleView> all() {
        return cycles.findAll().stream().map(JpaCycles::view).toList();
    }

    @Override
    public void close(UUID cycleId) {
        find(cycleId).close();
    }

    private Cycle find(UUID cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> new NoSuchElementException("No cycle " + cycleId));
    }

    private String write(Bylaws bylaws) {
        try {
            return json.writeValueAsString(bylaws);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CycleView view(Cycle c) {
        return new CycleView(c.id(), c.name(), c.bylawsVersion(), c.rulesSha256(), c.status().name());
    }
}
