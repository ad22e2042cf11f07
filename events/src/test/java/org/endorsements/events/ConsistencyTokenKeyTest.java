package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConsistencyTokenKeyTest {

    private static final String ADMIN_KEY = "an-admin-key-both-services-share";
    private static final ConsistencyTokenKey KEY = ConsistencyTokenKey.fromConfiguration(null, ADMIN_KEY);

    @Test
    void aSignedTokenReadsBackAndVerifiesWithTheKeyThatSignedIt() {
        ConsistencyToken token = KEY.sign(AggregateType.ENDORSEMENT, "statement-1:org-2", 7);

        ConsistencyToken read = ConsistencyToken.parse(token.encode());

        assertThat(read).isEqualTo(token);
        assertThat(KEY.verifies(read)).isTrue();
    }

    @Test
    void bothServicesDeriveTheSameKeyFromTheAdminKeyTheyShare() {
        ConsistencyToken signedByCommandSide = KEY.sign(AggregateType.STATEMENT, "s", 3);

        assertThat(ConsistencyTokenKey.fromConfiguration("", ADMIN_KEY).verifies(signedByCommandSide))
                .isTrue();
    }

    @Test
    void aTokenWithAnotherSequenceThanItsTagCoversDoesNotVerify() {
        ConsistencyToken token = KEY.sign(AggregateType.ORGANIZATION, "org-a", 0);

        assertThat(KEY.verifies(new ConsistencyToken(AggregateType.ORGANIZATION, "org-a", 5, token.tag())))
                .isFalse();
    }

    @Test
    void aTokenOfAnotherAggregateWithACopiedTagDoesNotVerify() {
        ConsistencyToken token = KEY.sign(AggregateType.ORGANIZATION, "org-a", 0);

        assertThat(KEY.verifies(new ConsistencyToken(AggregateType.ORGANIZATION, "org-b", 0, token.tag())))
                .isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() {
        ConsistencyTokenKey other = ConsistencyTokenKey.fromConfiguration(null, "another-admin-key");

        assertThat(KEY.verifies(other.sign(AggregateType.STATEMENT, "s", 1))).isFalse();
    }

    @Test
    void anUnsignedTokenDoesNotVerify() {
        assertThat(KEY.verifies(new ConsistencyToken(AggregateType.STATEMENT, "s", 1)))
                .isFalse();
    }

    @Test
    void aConfiguredKeyTakesPrecedenceOverTheAdminKey() {
        ConsistencyTokenKey configured = ConsistencyTokenKey.fromConfiguration("k".repeat(32), ADMIN_KEY);

        assertThat(configured.verifies(KEY.sign(AggregateType.STATEMENT, "s", 1)))
                .isFalse();
        assertThat(ConsistencyTokenKey.fromConfiguration("k".repeat(32), "x")
                        .verifies(configured.sign(AggregateType.STATEMENT, "s", 1)))
                .isTrue();
    }

    @Test
    void aConfiguredKeyShorterThanThirtyTwoCharactersIsRefused() {
        assertThatThrownBy(() -> ConsistencyTokenKey.fromConfiguration("short", ADMIN_KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNeitherKeyThereIsNoKey() {
        assertThatThrownBy(() -> ConsistencyTokenKey.fromConfiguration(" ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedTokenIsTheDocumentedBase64urlOfItsFieldsAndTag() {
        ConsistencyToken token = KEY.sign(AggregateType.STATEMENT, "s", 0);

        assertThat(new String(Base64.getUrlDecoder().decode(token.encode()), StandardCharsets.UTF_8))
                .isEqualTo("v2|Statement|s|0|" + token.tag());
    }
}
