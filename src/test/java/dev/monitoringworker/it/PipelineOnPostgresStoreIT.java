package dev.monitoringworker.it;

import dev.monitoringworker.support.TestDatabases;

class PipelineOnPostgresStoreIT extends PipelineScenario {

    private final String url = TestDatabases.newPostgresDatabase("store");

    @Override
    String storeUrl() {
        return url;
    }

    @Override
    String storeUser() {
        return "postgres";
    }
}
