package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Ed25519Test {

    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /** The 8 points of small order, canonically encoded (the list libsodium refuses too). */
    static List<String> smallOrderPoints() {
        return List.of(
                "0100000000000000000000000000000000000000000000000000000000000000",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0000000000000000000000000000000000000000000000000000000000000080",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");
    }

    /** Encodings no canonical encoder writes: y of p or more, or x = 0 with its sign bit set. */
    static List<String> nonCanonicalEncodings() {
        return List.of(
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "0100000000000000000000000000000000000000000000000000000000000080",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest
    @MethodSource("smallOrderPoints")
    void aSmallOrderPointIsNoPublicKey(String hex) {
        assertThat(Ed25519.weakness(base64(hex)))
                .hasValueSatisfying(why -> assertThat(why).contains("small-order"));
        assertThat(Ed25519.isPublicKey(base64(hex))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("nonCanonicalEncodings")
    void aNonCanonicalEncodingIsNoPublicKey(String hex) {
        assertThat(Ed25519.weakness(base64(hex)))
                .hasValueSatisfying(why -> assertThat(why).contains("non-canonical"));
        assertThat(Ed25519.isPublicKey(base64(hex))).isFalse();
    }

    @Test
    void bytesThatAreNoPointOfTheCurveAreNoPublicKey() {
        // y = 2: (y^2 - 1) / (d y^2 + 1) is no square modulo p.
        String hex = "0200000000000000000000000000000000000000000000000000000000000000";

        assertThat(Ed25519.isPublicKey(base64(hex))).isFalse();
        assertThat(Ed25519.weakness(base64(hex))).isEmpty();
    }

    @Test
    void aGeneratedKeyIsAPublicKey() throws Exception {
        for (int i = 0; i < 20; i++) {
            String key = Ed25519.encode(SignedMessagesTest.keyPair().getPublic());

            assertThat(Ed25519.weakness(key)).isEmpty();
            assertThat(Ed25519.isPublicKey(key)).isTrue();
        }
    }

    @Test
    void theJdkAloneVerifiesASignatureMadeWithoutAPrivateKeyForTheNeutralPointWhichIsWhyItIsRefused() throws Exception {
        byte[] raw = HexFormat.of().parseHex(smallOrderPoints().get(0));
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        PublicKey neutral = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        byte[] forged = new byte[Ed25519.SIGNATURE_BYTES];
        forged[0] = 1; // R = the neutral point, S = 0
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(neutral);
        jdk.update("any message at all".getBytes());

        assertThat(jdk.verify(forged)).isTrue();
        assertThat(Ed25519.verify(
                        base64(smallOrderPoints().get(0)),
                        "any message at all".getBytes(),
                        Base64.getEncoder().encodeToString(forged)))
                .isFalse();
    }
}
