package org.endorsements.cli.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sign --key FILE endorse|withdraw <statement> ...}: prints the JSON body of a signed endorsement or
 * withdrawal, to send with {@code curl -d @-}; {@code sign --key FILE certify-key <new key id> <public key> ...}
 * prints the body that registers a key. With {@code --send} it also makes the request itself, with the
 * organization's API key ({@code --api-key}, or {@code ENDORSEMENTS_API_KEY} so that it stays out of the process
 * list), and prints the platform's answer; it exits 0 only when the platform accepted the request. Either way the
 * private key never leaves this machine: only the signature is sent.
 */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = "Signs an endorsement, a withdrawal or a new key with the organization's own key; prints the "
                + "JSON body for the write API, or sends it (--send).")
public final class SignCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NONCE_BYTES = 16;

    @Option(names = "--key", required = true, description = "the private key file (keys generate, or OpenSSL's)")
    Path keyFile;

    @Option(names = "--key-id", defaultValue = "k1", description = "the id the key is registered under (default k1)")
    String keyId;

    @Option(names = "--organization", required = true, description = "the organization's id")
    String organizationId;

    @Option(names = "--content-hash", description = "endorse, withdraw: the content hash of the text you read")
    String contentHash;

    @Option(
            names = "--visibility",
            defaultValue = "public",
            description = "endorse: public (named) or counted (counted without being named); the signed message names"
                    + " it, so the platform cannot record the other (default: ${DEFAULT-VALUE})")
    String visibility;

    @Parameters(index = "0", description = "endorse, withdraw or certify-key")
    String action;

    @Parameters(index = "1", description = "endorse, withdraw: the statement id; certify-key: the new key's id")
    String subject;

    @Parameters(
            index = "2",
            arity = "0..1",
            description = "certify-key: the new key's public key (base64, as keys generate prints it); for the "
                    + "first key, its own, signed with --key-id set to the new id")
    String newPublicKey;

    @Option(names = "--send", description = "send the signed request to the write API instead of printing its body")
    boolean send;

    @Option(
            names = "--url",
            defaultValue = "${env:ENDORSEMENTS_COMMAND_URL:-http://127.0.0.1:8080}",
            description = "--send: the write API (default: ENDORSEMENTS_COMMAND_URL or ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--api-key",
            defaultValue = "${env:ENDORSEMENTS_API_KEY}",
            description = "--send: the organization's API key (default: ENDORSEMENTS_API_KEY)")
    String apiKey;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        if (send && (apiKey == null || apiKey.isBlank())) {
            System.err.println("--send needs the organization's API key: --api-key or ENDORSEMENTS_API_KEY");
            return 2;
        }
        PrivateKey key = KeyFiles.load(keyFile);
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] random = new byte[NONCE_BYTES];
        new java.security.SecureRandom().nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        OrganizationId organization = OrganizationId.of(organizationId);
        ObjectNode body = JSON.createObjectNode();
        switch (action) {
            case "endorse", "withdraw" -> {
                if (!SignedMessages.isContentHash(contentHash)) {
                    System.err.println("--content-hash must be the statement's 64 hex digit content hash");
                    return 2;
                }
                boolean endorse = "endorse".equals(action);
                // An endorsement signs the version 2 message, which names the visibility asked for; a withdrawal
                // has none and signs version 1.
                EndorsementVisibility asked = null;
                if (endorse) {
                    asked = EndorsementVisibility.fromWireName(visibility).orElse(null);
                    if (asked == null) {
                        System.err.println("--visibility is public or counted");
                        return 2;
                    }
                }
                byte[] message = endorse
                        ? SignedMessages.endorsement(
                                StatementId.of(subject), contentHash, organization, asked, at, nonce)
                        : SignedMessages.action(
                                SignedMessages.Action.WITHDRAW,
                                StatementId.of(subject),
                                contentHash,
                                organization,
                                at,
                                nonce);
                ObjectNode signature = body.putObject("signature")
                        .put("keyId", SigningKeyId.of(keyId).value())
                        .put("contentHash", contentHash)
                        .put("signedAt", SignedMessages.formatTime(at))
                        .put("nonce", nonce)
                        .put("value", KeyFiles.sign(key, message));
                if (asked != null) {
                    signature.put("visibility", asked.wireName());
                }
            }
            case "certify-key" -> {
                String publicKey = newPublicKey;
                if (!Ed25519.isPublicKey(publicKey)) {
                    System.err.println("the new key must be a base64 Ed25519 public key");
                    return 2;
                }
                byte[] message = SignedMessages.keyCertification(
                        organization, SigningKeyId.of(subject), publicKey, SigningKeyId.of(keyId), at, nonce);
                body.put("publicKey", publicKey);
                body.putObject("certification")
                        .put("signerKeyId", SigningKeyId.of(keyId).value())
                        .put("signedAt", SignedMessages.formatTime(at))
                        .put("nonce", nonce)
                        .put("value", KeyFiles.sign(key, message));
            }
            default -> {
                System.err.println("the action is endorse, withdraw or certify-key");
                return 2;
            }
        }
        if (!send) {
            System.out.println(JSON.writeValueAsString(body));
            return 0;
        }
        return send(body);
    }

    /** The request the printed body is for: PUT to endorse or register, DELETE to withdraw. */
    private int send(ObjectNode body) throws java.io.IOException {
        String organization = encode(organizationId);
        String path = "certify-key".equals(action)
                ? "/api/organizations/" + organization + "/signing-keys/" + encode(subject)
                : "/api/statements/" + encode(subject) + "/endorsements/" + organization;
        String method = "withdraw".equals(action) ? "DELETE" : "PUT";
        ApiReply reply = ApiClient.create(url).withKey(apiKey).send(method, path, body);
        System.out.println(reply.status() + " " + method + " " + path);
        if (!reply.body().isEmpty()) {
            System.out.println(reply.body());
        }
        return reply.isSuccess() ? 0 : 1;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
