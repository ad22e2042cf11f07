package org.endorsements.query.statement.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = PageController.class)
@QueryWebSlice
class PageControllerSliceTest {

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/statements/clean-air", "/statements/clean-air/"})
    void aStatementsAddressServesTheDashboardToAnyone(String path) {
        assertThat(mvc.get().uri(path)).hasStatusOk().hasForwardedUrl("/index.html");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/embed/statements/clean-air", "/embed/statements/clean-air/"})
    void theEmbeddableCounterMayBeFramedByAnySite(String path) {
        assertThat(mvc.get().uri(path))
                .hasStatusOk()
                .hasForwardedUrl("/embed.html")
                .hasHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors *")
                .doesNotContainHeader("X-Frame-Options");
    }

    @Test
    void theDashboardMayNotBeFramed() {
        assertThat(mvc.get().uri("/statements/clean-air"))
                .hasStatusOk()
                .hasHeader("Content-Security-Policy", "default-src 'self'")
                .hasHeader("X-Frame-Options", "DENY");
    }
}
