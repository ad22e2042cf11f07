package org.endorsements.query.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.query.dashboard.DashboardProperties;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = MessagesController.class)
@QueryWebSlice
class MessagesControllerSliceTest {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DashboardProperties.class)
    static class Languages {}

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"es-VE,es;q=0.9,en;q=0.8|es", "en-GB,en;q=0.9|en", "fr-FR,es;q=0.5|es", "de-DE|en", "¿?;q=x|en"})
    void theCatalogueIsTheBestOfTheBrowsersLanguagesOrEnglish(String acceptLanguage, String language) {
        assertThat(mvc.get().uri("/i18n/messages.json").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage))
                .hasStatusOk()
                .hasHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .hasHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    @Test
    void theSpanishCatalogueSpeaksSpanish() {
        assertThat(mvc.get().uri("/i18n/messages.json").header(HttpHeaders.ACCEPT_LANGUAGE, "es-VE"))
                .bodyJson()
                .extractingPath("$['signatories.title']")
                .isEqualTo("Firmantes");
    }

    @Test
    void aRememberedChoiceWinsOverTheBrowsersLanguage() {
        assertThat(mvc.get()
                        .uri("/i18n/messages.json")
                        .param("lang", "en")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "es-VE"))
                .hasHeader(HttpHeaders.CONTENT_LANGUAGE, "en")
                .bodyJson()
                .extractingPath("$['signatories.title']")
                .isEqualTo("Signatories");
    }

    @Test
    void aChoiceOfALanguageTheDashboardDoesNotSpeakFallsBackToTheBrowsersLanguage() {
        assertThat(mvc.get()
                        .uri("/i18n/messages.json")
                        .param("lang", "../../application")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "es"))
                .hasStatusOk()
                .hasHeader(HttpHeaders.CONTENT_LANGUAGE, "es");
    }
}
