package dev.monitoringworker.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README fits on a page and links every topic in docs/; every relative link of the README and docs/ leads to a
 * file that exists and, with an anchor, to a heading in it (anchors as GitHub makes them from headings).
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeFitsOnAPageAndLinksEveryTopic() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        assertThat(readme.size()).isLessThanOrEqualTo(200);
        String text = String.join("\n", readme);
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(doc -> assertThat(text).contains("](docs/" + doc.getFileName() + ")"));
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String link = m.group(1);
                if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("mailto:")) {
                    continue;
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? page : page.getParent() == null ? Path.of(file) : page.getParent().resolve(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(page + ": " + link + " (no such file)");
                } else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
                    broken.add(page + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        return Files.readAllLines(page).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
