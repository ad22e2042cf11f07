package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The tls profile serves HTTPS from the PEM files its documented settings name. */
@IntegrationTest
@ActiveProfiles({"prod", "tls"})
@TestPropertySource(
        properties = {
            "ENDORSEMENTS_TLS_CERTIFICATE=classpath:tls/test-cert.pem",
            "ENDORSEMENTS_TLS_PRIVATE_KEY=classpath:tls/test-key.pem",
            "ENDORSEMENTS_BIND_ADDRESS=127.0.0.1",
            "ENDORSEMENTS_TOPIC_REPLICAS=1"
        })
class HttpsIntegrationTest extends TestStackSupport {

    @LocalServerPort
    int port;

    @Test
    void theTlsProfileServesHttpsWithTheConfiguredCertificate() throws Exception {
        Api api = new Api(
                "https://127.0.0.1:" + port,
                HttpClient.newBuilder().sslContext(trusting()).build());
        Api.Response response = api.send("GET", "/api/credentials/me", ADMIN_KEY, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("caller")).isEqualTo("admin");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = HttpsIntegrationTest.class.getResourceAsStream("/tls/test-cert.pem")) {
            trusted.setCertificateEntry(
                    "test", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
