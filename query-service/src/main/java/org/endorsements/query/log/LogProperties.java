package org.endorsements.query.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin             prefix of each log's origin line; the statement id follows it
 * @param keyName            the signer's name in checkpoints and in the verifier key
 * @param signingKeyFile     where the Ed25519 key lives (embedded default: the data folder); created when absent
 * @param checkpointInterval how often new leaves get a signed checkpoint
 */
@ConfigurationProperties("endorsements.log")
public record LogProperties(
        @DefaultValue("endorsements.local/statements/") String origin,
        @DefaultValue("endorsements.local") String keyName,
        @DefaultValue("./data/log-signing.key") String signingKeyFile,
        @DefaultValue("2s") Duration checkpointInterval) {
}
