package dev.monitoringworker.it;

import java.util.UUID;

class PipelineOnH2StoreIT extends PipelineScenario {

    private final String url = "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String storeUrl() {
        return url;
    }

    @Override
    String storeUser() {
        return "sa";
    }
}
