package org.endorsements.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/**
 * Organizations endorsing and withdrawing through the public API at a steady rate, each (statement, organization)
 * pair driven by one client only. Every 2xx answer is remembered by the event position it acknowledges
 * ({@code X-Event-Position}: aggregate and sequence number), which is what the drill later looks for everywhere.
 */
final class DrillLoad implements AutoCloseable {

    record Organization(String id, String key) {}

    /** One (statement, organization) pair of the load, with the organization's client. */
    private record Pair(String path, ApiClient client) {}

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong acknowledgedDuringFault = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** "aggregateId#sequence" of every acknowledged write. */
    final Set<String> acknowledgedPositions = ConcurrentHashMap.newKeySet();

    final AtomicBoolean faultActive = new AtomicBoolean();

    private final ApiClient command;
    private final ApiClient admin;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    DrillLoad(String commandUrl, String adminKey) {
        this.command = ApiClient.create(commandUrl);
        this.admin = command.withKey(adminKey);
    }

    void publish(String statementId) throws IOException {
        ApiReply reply = admin.post(
                "/api/statements",
                Map.of(
                        "statementId",
                        statementId,
                        "title",
                        "Drill " + statementId,
                        "body",
                        "Synthetic statement of a fault drill.",
                        "language",
                        "en"));
        if (reply.status() != 201) {
            throw new IllegalStateException("publishing " + statementId + " failed: " + reply.status());
        }
    }

    List<Organization> register(String prefix, int count) throws IOException {
        List<Organization> organizations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiReply reply = admin.post(
                    "/api/organizations",
                    Map.of("organizationId", prefix + "-" + i, "name", "Drill organization " + prefix + " " + i));
            if (reply.status() != 201) {
                throw new IllegalStateException("registering an organization failed: " + reply.status());
            }
            JsonNode body = reply.json();
            organizations.add(new Organization(
                    body.path("organizationId").asText(), body.path("apiKey").asText()));
        }
        return organizations;
    }

    /** Starts {@code clientCount} clients that together offer {@code perSecond} requests a second. */
    void start(List<String> statements, List<Organization> organizations, int clientCount, double perSecond) {
        running.set(true);
        List<List<Pair>> shares = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            shares.add(new ArrayList<>());
        }
        int n = 0;
        for (String statement : statements) {
            for (Organization organization : organizations) {
                shares.get(n++ % clientCount)
                        .add(new Pair(
                                "/api/statements/" + statement + "/endorsements/" + organization.id(),
                                command.withKey(organization.key())));
            }
        }
        long intervalNanos = (long) (clientCount * 1e9 / perSecond);
        for (List<Pair> share : shares) {
            Thread client = new Thread(() -> drive(share, intervalNanos), "drill-client");
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
    }

    private void drive(List<Pair> pairs, long intervalNanos) {
        boolean[] endorseNext = new boolean[pairs.size()];
        java.util.Arrays.fill(endorseNext, true);
        long due = System.nanoTime();
        for (int i = 0; running.get(); i = (i + 1) % pairs.size()) {
            Pair pair = pairs.get(i);
            sent.incrementAndGet();
            try {
                ApiReply reply = pair.client().send(endorseNext[i] ? "PUT" : "DELETE", pair.path(), null);
                int status = reply.status();
                if (status / 100 == 2) {
                    acknowledge(reply.position().orElseThrow());
                    endorseNext[i] = !endorseNext[i];
                } else if (status == 409) {
                    // After a crash the client cannot know whether its last write landed: ask the other way round.
                    endorseNext[i] = !endorseNext[i];
                    failed.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (InterruptedIOException e) {
                return;
            } catch (IOException e) {
                failed.incrementAndGet();
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

    void acknowledge(ConsistencyToken position) {
        acknowledgedPositions.add(position.aggregateId() + "#" + position.sequence());
        acknowledged.incrementAndGet();
        if (faultActive.get()) {
            acknowledgedDuringFault.incrementAndGet();
        }
    }

    /** A request to the command service with this caller's key. */
    ApiReply send(String method, String path, String key) throws IOException {
        return command.withKey(key).send(method, path, null);
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
