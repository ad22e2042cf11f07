package org.endorsements.query.dashboard.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endorsements.query.dashboard.DashboardProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every text of the dashboard comes from one catalogue per language, {@code static/i18n/messages.<language>.json}
 * (a flat map of key to text; the page fills its elements from it). This answers the visitor's catalogue: the
 * language the page asks for ({@code lang}, the visitor's remembered choice), else the best of the browser's
 * {@code Accept-Language}, else the first configured language. {@code Content-Language} says which it is.
 */
@RestController
class MessagesController {

    private static final String CATALOGUE = "static/i18n/messages.%s.json";

    private final DashboardProperties properties;
    private final List<Locale> supported;
    private final Map<String, byte[]> catalogues = new HashMap<>();

    /** Each configured language's catalogue is read at start: a language without one fails the start. */
    MessagesController(DashboardProperties properties) {
        this.properties = properties;
        this.supported =
                properties.languages().stream().map(Locale::forLanguageTag).toList();
        properties.languages().forEach(language -> catalogues.put(language, read(language)));
    }

    @GetMapping(path = "/i18n/messages.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> messages(
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        String language = choose(lang, acceptLanguage);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(catalogues.get(language));
    }

    /** An unknown or malformed choice is no error: the page then speaks the visitor's language. */
    private String choose(String lang, String acceptLanguage) {
        if (lang != null && properties.languages().contains(lang)) {
            return lang;
        }
        if (acceptLanguage != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), supported);
                if (best != null) {
                    return best.toLanguageTag();
                }
            } catch (IllegalArgumentException malformed) {
                // a header that is no language list names no language
            }
        }
        return properties.fallback();
    }

    private static byte[] read(String language) {
        try (InputStream in = new ClassPathResource(CATALOGUE.formatted(language)).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("No message catalogue for configured language " + language, e);
        }
    }
}
