package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void anAnchorLineNamesTheOrganizationItsFingerprintAndWhereItWasRead() {
        Anchors anchors = Anchors.parse(
                List.of(
                        "# assembled by the coalition",
                        "",
                        "provea " + FINGERPRINT.toUpperCase() + " https://provea.example/keys  # its site",
                        "cofavic   " + "cd".repeat(32)),
                "anchors.txt");

        assertThat(anchors.of("provea"))
                .contains(new Anchors.Anchor("provea", FINGERPRINT, "https://provea.example/keys"));
        assertThat(anchors.of("cofavic"))
                .hasValueSatisfying(anchor -> assertThat(anchor.source()).isEqualTo("anchors.txt line 4"));
        assertThat(anchors.of("codhez")).isEmpty();
    }

    @Test
    void aLineWithoutAFingerprintIsRefusedNamingIt() {
        assertThatThrownBy(() -> Anchors.parse(List.of("# header", "provea https://provea.example"), "anchors.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anchors.txt line 2");
    }

    @Test
    void anOrganizationGivenTwoFingerprintsIsRefused() {
        assertThatThrownBy(() ->
                        Anchors.parse(List.of("provea " + FINGERPRINT, "provea " + "cd".repeat(32)), "anchors.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another fingerprint");
    }

    /** A local site: {@code /keys} redirects to {@code target}, {@code /page} contains the fingerprint. */
    private static HttpServer site(java.util.function.IntFunction<String> target) throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = site.getAddress().getPort();
        site.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Location", target.apply(port));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.createContext("/page", exchange -> {
            byte[] body = ("Our key: " + FINGERPRINT).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        return site;
    }

    @Test
    void aRedirectWithinThePinsHostIsFollowed() throws Exception {
        HttpServer site = site(port -> "/page");
        try {
            String source = "http://127.0.0.1:" + site.getAddress().getPort() + "/keys";

            Anchors.Fetched fetched = Anchors.fetch("provea", FINGERPRINT, source);

            assertThat(fetched.anchor()).contains(new Anchors.Anchor("provea", FINGERPRINT, source));
        } finally {
            site.stop(0);
        }
    }

    /** Another host (here the same server under another name) does not speak for the site the pin names. */
    @Test
    void aRedirectToAnotherHostAnchorsNothing() throws Exception {
        HttpServer site = site(port -> "http://localhost:" + port + "/page");
        try {
            String source = "http://127.0.0.1:" + site.getAddress().getPort() + "/keys";

            Anchors.Fetched fetched = Anchors.fetch("provea", FINGERPRINT, source);

            assertThat(fetched.anchor()).isEmpty();
            assertThat(fetched.whyNot()).contains("off its host 127.0.0.1");
        } finally {
            site.stop(0);
        }
    }
}
