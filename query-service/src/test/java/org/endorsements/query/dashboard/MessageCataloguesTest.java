package org.endorsements.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's catalogues as a merge leaves them: every language has every key, with the same placeholders and
 * plural forms, and every key the page and its script name is in them.
 */
class MessageCataloguesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-aria-label)?=\"([^\"]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([\\w.]+)'\\s*([,)+])");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String resource(String path) throws IOException {
        try (InputStream in = MessageCataloguesTest.class.getResourceAsStream("/static/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Key to its texts (a plural message as form:text). */
    private static Map<String, Map<String, String>> catalogue(String language) throws IOException {
        JsonNode root = JSON.readTree(resource("i18n/messages." + language + ".json"));
        Map<String, Map<String, String>> messages = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Map<String, String> forms = new TreeMap<>();
            if (entry.getValue().isObject()) {
                entry.getValue()
                        .fields()
                        .forEachRemaining(
                                f -> forms.put(f.getKey(), f.getValue().asText()));
            } else {
                forms.put("", entry.getValue().asText());
            }
            messages.put(entry.getKey(), forms);
        }
        return messages;
    }

    private static Set<String> placeholders(Map<String, String> forms) {
        Set<String> names = new TreeSet<>();
        forms.values().forEach(text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    @Test
    void spanishHasEveryEnglishKeyAndNoOtherWithTheSamePlaceholdersAndPluralForms() throws IOException {
        Map<String, Map<String, String>> en = catalogue("en");
        Map<String, Map<String, String>> es = catalogue("es");

        assertThat(es.keySet()).isEqualTo(en.keySet());
        en.forEach((key, forms) -> {
            assertThat(es.get(key).keySet()).as(key).isEqualTo(forms.keySet());
            assertThat(placeholders(es.get(key))).as(key).isEqualTo(placeholders(forms));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void noMessageIsEmpty(String language) throws IOException {
        catalogue(language)
                .forEach((key, forms) -> assertThat(forms.values())
                        .as(key)
                        .allSatisfy(text -> assertThat(text).isNotBlank()));
    }

    @Test
    void everyKeyThePagesAndTheirScriptsNameIsInTheCatalogue() throws IOException {
        Set<String> keys = catalogue("en").keySet();
        int named = 0;
        for (String page : List.of("index.html", "embed.html")) {
            Matcher html = HTML_KEY.matcher(resource(page));
            while (html.find()) {
                assertThat(keys).as(page).contains(html.group(1));
                named++;
            }
        }
        for (String script : List.of("app.js", "embed.js", "progress.js")) {
            Matcher key = SCRIPT_KEY.matcher(resource(script));
            while (key.find()) {
                String name = key.group(1);
                if (key.group(2).equals("+")) { // a key completed at run time: some key must start so
                    assertThat(keys).as(script).anySatisfy(k -> assertThat(k).startsWith(name));
                } else {
                    assertThat(keys).as(script).contains(name);
                }
                named++;
            }
        }
        assertThat(named).isGreaterThan(50);
    }
}
