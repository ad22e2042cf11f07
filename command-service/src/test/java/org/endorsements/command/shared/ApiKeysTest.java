package org.endorsements.command.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.events.CanonicalText;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aKeysHashIsTheLowerCaseHexOfTheSha256OfItsUtf8Bytes() {
        // FIPS 180-2, appendix B.1
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** Stored credential rows and the digests on the credential topic were written with the earlier helper. */
    @Test
    void aKeysHashHasTheSameBytesAsTheDigestsAlreadyStoredAndPublished() {
        for (int i = 0; i < 20; i++) {
            String key = ApiKeys.newKey();
            assertThat(ApiKeys.hash(key)).isEqualTo(CanonicalText.sha256Hex(key));
        }
        assertThat(ApiKeys.hash("ek_ñ-é")).isEqualTo(CanonicalText.sha256Hex("ek_ñ-é"));
    }

    @Test
    void aNewKeyIsPrefixedAnd256BitsOfBase64Url() {
        assertThat(ApiKeys.newKey()).matches("ek_[A-Za-z0-9_-]{43}");
    }
}
