package org.endorsements.query.log;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param origin             prefix of each log's origin line; the statement id follows it
 * @param keyName            the signer's name in checkpoints and in the verifier key
 * @param signingKeyFile     where the Ed25519 key lives (embedded default: the data folder); created when absent
 * @param checkpointInterval how often new leaves get a signed checkpoint
 * @param witnesses          the witnesses (c2sp.org/tlog-witness) each new checkpoint is submitted to
 * @param witnessTimeout     how long one add-checkpoint call may take before the witness counts as down
 * @param retiringKeyFiles   during a key rotation, the previous keys' files: they go on signing every checkpoint
 *                           beside the new key until they are removed from this list (then the old key is retired)
 */
@ConfigurationProperties("endorsements.log")
public record LogProperties(
        @DefaultValue("endorsements.local/statements/") String origin,
        @DefaultValue("endorsements.local") String keyName,
        @DefaultValue("./data/log-signing.key") String signingKeyFile,
        @DefaultValue("2s") Duration checkpointInterval,
        @DefaultValue List<WitnessEndpoint> witnesses,
        @DefaultValue("5s") Duration witnessTimeout,
        @DefaultValue List<String> retiringKeyFiles) {

    /**
     * @param url         the witness's submission prefix ({@code /add-checkpoint} is appended)
     * @param verifierKey the witness's verifier key (type 0x04); cosignatures that do not verify with it are dropped
     */
    public record WitnessEndpoint(String url, String verifierKey) {}
}
