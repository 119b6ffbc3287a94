package dev.monitoringworker.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's /actuator/prometheus as tests read it. */
public final class Scrapes {

    private Scrapes() {
    }

    public static String scrape(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of a Prometheus sample whose labels contain {@code labels} (summed when several match); it must be there. */
    public static double value(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null || m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as(name + " with " + labels + " on /actuator/prometheus").isTrue();
        return sum;
    }
}
