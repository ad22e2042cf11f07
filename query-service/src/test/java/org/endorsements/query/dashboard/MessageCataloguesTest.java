package org.endorsements.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
    void everyKeyThePageAndItsScriptNameIsInTheCatalogue() throws IOException {
        Set<String> keys = catalogue("en").keySet();
        Matcher html = HTML_KEY.matcher(resource("index.html"));
        int named = 0;
        while (html.find()) {
            assertThat(keys).as("index.html").contains(html.group(1));
            named++;
        }
        Matcher script = SCRIPT_KEY.matcher(resource("app.js"));
        while (script.find()) {
            String key = script.group(1);
            if (script.group(2).equals("+")) { // a key completed at run time: some key must start so
                assertThat(keys).as("app.js").anySatisfy(k -> assertThat(k).startsWith(key));
            } else {
                assertThat(keys).as("app.js").contains(key);
            }
            named++;
        }
        assertThat(named).isGreaterThan(50);
    }
}
