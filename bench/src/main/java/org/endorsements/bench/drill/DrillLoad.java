package org.endorsements.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.endorsements.bench.Http;

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

    private final Http http = new Http();
    private final String commandUrl;
    private final String adminKey;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    DrillLoad(String commandUrl, String adminKey) {
        this.commandUrl = commandUrl;
        this.adminKey = adminKey;
    }

    void publish(String statementId) throws IOException, InterruptedException {
        Http.Reply reply = send("POST", "/api/statements", adminKey, "{\"statementId\":\"" + statementId
                + "\",\"title\":\"Drill " + statementId + "\",\"body\":\"Synthetic statement of a fault drill.\","
                + "\"language\":\"en\"}");
        if (reply.status() != 201) {
            throw new IllegalStateException("publishing " + statementId + " failed: " + reply.status());
        }
    }

    List<Organization> register(String prefix, int count) throws IOException, InterruptedException {
        List<Organization> organizations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Reply reply = send("POST", "/api/organizations", adminKey,
                    "{\"organizationId\":\"" + prefix + "-" + i + "\",\"name\":\"Drill organization " + prefix
                            + " " + i + "\"}");
            if (reply.status() != 201) {
                throw new IllegalStateException("registering an organization failed: " + reply.status());
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
                Http.Reply reply = send(endorseNext[i] ? "PUT" : "DELETE", path, pair[2], null);
                int status = reply.status();
                if (status / 100 == 2) {
                    acknowledge(reply.position());
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

    Http.Reply send(String method, String path, String key, String json) throws IOException, InterruptedException {
        return http.send(method, commandUrl + path, key, json);
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
