package org.endorsements.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Organizations endorsing and withdrawing through the public API at a steady rate, each (statement, organization)
 * pair driven by one client only. Every 2xx answer is remembered by the event position it acknowledges
 * ({@code X-Event-Position}: aggregate and sequence number), which is what the drill later looks for everywhere.
 */
final class DrillLoad implements AutoCloseable {

    record Organization(String id, String key) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong acknowledgedDuringFault = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** "aggregateId#sequence" of every acknowledged write. */
    final Set<String> acknowledgedPositions = ConcurrentHashMap.newKeySet();
    final AtomicBoolean faultActive = new AtomicBoolean();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String commandUrl;
    private final String adminKey;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    DrillLoad(String commandUrl, String adminKey) {
        this.commandUrl = commandUrl;
        this.adminKey = adminKey;
    }

    void publish(String statementId) throws IOException, InterruptedException {
        HttpResponse<String> reply = send("POST", "/api/statements", adminKey, "{\"statementId\":\"" + statementId
                + "\",\"title\":\"Drill " + statementId + "\",\"body\":\"Synthetic statement of a fault drill.\","
                + "\"language\":\"en\"}");
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("publishing " + statementId + " failed: " + reply.statusCode());
        }
    }

    List<Organization> register(String prefix, int count) throws IOException, InterruptedException {
        List<Organization> organizations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> reply = send("POST", "/api/organizations", adminKey,
                    "{\"organizationId\":\"" + prefix + "-" + i + "\",\"name\":\"Drill organization " + prefix
                            + " " + i + "\"}");
            if (reply.statusCode() != 201) {
                throw new IllegalStateException("registering an organization failed: " + reply.statusCode());
            }
            JsonNode body = JSON.readTree(reply.body());
            organizations.add(new Organization(body.path("organizationId").asText(), body.path("apiKey").asText()));
        }
        return organizations;
    }

    /** Starts {@code clientCount} clients that together offer {@code perSecond} requests a second. */
    void start(List<String> statements, List<Organization> organizations, int clientCount, double perSecond) {
        running.set(true);
        List<List<String[]>> shares = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            shares.add(new ArrayList<>());
        }
        int n = 0;
        for (String statement : statements) {
            for (Organization organization : organizations) {
                shares.get(n++ % clientCount).add(new String[] {statement, organization.id(), organization.key()});
            }
        }
        long intervalNanos = (long) (clientCount * 1e9 / perSecond);
        for (List<String[]> share : shares) {
            Thread client = new Thread(() -> drive(share, intervalNanos), "drill-client");
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    private void drive(List<String[]> pairs, long intervalNanos) {
        boolean[] endorseNext = new boolean[pairs.size()];
        java.util.Arrays.fill(endorseNext, true);
        long due = System.nanoTime();
        for (int i = 0; running.get(); i = (i + 1) % pairs.size()) {
            String[] pair = pairs.get(i);
            String path = "/api/statements/" + pair[0] + "/endorsements/" + pair[1];
            sent.incrementAndGet();
            try {
                HttpResponse<String> reply = send(endorseNext[i] ? "PUT" : "DELETE", path, pair[2], null);
                int status = reply.statusCode();
                if (status / 100 == 2) {
                    acknowledge(reply.headers().firstValue("X-Event-Position").orElseThrow());
                    endorseNext[i] = !endorseNext[i];
                } else if (status == 409) {
                    // After a crash the client cannot know whether its last write landed: ask the other way round.
                    endorseNext[i] = !endorseNext[i];
                    failed.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            due += intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000_000L) {
                due = System.nanoTime();
            }
        }
    }

    void acknowledge(String position) {
        String[] token = new String(Base64.getUrlDecoder().decode(position), StandardCharsets.UTF_8).split("\\|");
        acknowledgedPositions.add(token[2] + "#" + token[3]);
        acknowledged.incrementAndGet();
        if (faultActive.get()) {
            acknowledgedDuringFault.incrementAndGet();
        }
    }

    HttpResponse<String> send(String method, String path, String key, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        clients.clear();
    }
}
