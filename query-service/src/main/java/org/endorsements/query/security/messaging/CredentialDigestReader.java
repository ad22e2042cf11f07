package org.endorsements.query.security.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.endorsements.events.CredentialDigest;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads the whole private credential topic into {@link OrganizationKeys} and then follows it, on every instance.
 *
 * <p>Own code rather than a {@code @KafkaListener}: every instance must read every partition from offset 0 without
 * a consumer group (no shared, committed offsets), and a listener container with manual assignment needs the
 * partition list when it is created, before this service may have created the topic; this loop assigns whatever
 * partitions the topic has once it exists, and picks up added ones.
 */
public class CredentialDigestReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CredentialDigestReader.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final OrganizationKeys keys;
    private final ReadSecurityProperties.CredentialDigests properties;
    private volatile Thread thread;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running;

    public CredentialDigestReader(
            ConsumerFactory<String, byte[]> consumers, OrganizationKeys keys, ReadSecurityProperties properties) {
        this.consumers = consumers;
        this.keys = keys;
        this.properties = properties.credentialDigests();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "credential-digests");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(properties.pollTimeout().multipliedBy(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server accepts requests, so that keys are known as early as the topic can tell. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        while (running) {
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // No group: nothing is committed and nothing is shared between instances.
            try (Consumer<String, byte[]> c = consumers.createConsumer(null, "credential-digests", null, overrides)) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not read the credential topic {} ({}); retrying", properties.topic(), e.toString());
                pause(properties.retryInterval());
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<String, byte[]> c) {
        Set<TopicPartition> assigned = new HashSet<>();
        Map<TopicPartition, Long> catchUpTo = null;
        // Each consumer reads the topic from its start into a table of its own, which replaces the one in use
        // once caught up; meanwhile every record also goes to the table in use, so a revocation counts at once.
        OrganizationKeys.Table reading = new OrganizationKeys.Table();
        long nextPartitionCheck = System.nanoTime();
        while (running) {
            if (System.nanoTime() - nextPartitionCheck >= 0) {
                Set<TopicPartition> partitions;
                try {
                    partitions = partitions(c);
                } catch (TimeoutException e) {
                    // The broker did not answer in time: the same consumer asks again later; what is known stays.
                    log.warn(
                            "Could not list the partitions of {} ({}); asking again", properties.topic(), e.toString());
                    partitions = assigned.isEmpty() ? null : assigned;
                }
                if (partitions != null && !partitions.equals(assigned)) {
                    Set<TopicPartition> added = new HashSet<>(partitions);
                    added.removeAll(assigned);
                    c.assign(partitions);
                    c.seekToBeginning(added);
                    assigned = partitions;
                    catchUpTo = reading == null ? null : c.endOffsets(partitions);
                }
                nextPartitionCheck = System.nanoTime()
                        + properties.retryInterval().multipliedBy(30).toNanos();
            }
            if (assigned.isEmpty()) {
                pause(properties.retryInterval());
                nextPartitionCheck = System.nanoTime();
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : c.poll(properties.pollTimeout())) {
                apply(record, reading);
            }
            if (catchUpTo != null && caughtUp(c, catchUpTo)) {
                keys.replace(reading);
                log.info("Credential topic {} read: {} organization keys", properties.topic(), keys.size());
                catchUpTo = null;
                reading = null;
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record, OrganizationKeys.Table reading) {
        if (record.key() == null) {
            log.warn("Ignoring a credential digest without a key at offset {}", record.offset());
            return;
        }
        CredentialDigest digest = null;
        if (record.value() != null) {
            try {
                digest = CredentialDigest.decode(record.value());
                if (!record.key().equals(digest.organizationId())) {
                    throw new IllegalArgumentException("record key is not the digest's organization");
                }
            } catch (IllegalArgumentException e) {
                // Fail closed: a record that cannot be read removes whatever key the organization had.
                log.warn(
                        "Unreadable credential digest at offset {} ({}); the organization's key no longer opens "
                                + "anything",
                        record.offset(),
                        e.getMessage());
                digest = null;
            }
        }
        keys.apply(record.key(), digest);
        if (reading != null) {
            reading.apply(record.key(), digest);
        }
    }

    private Set<TopicPartition> partitions(Consumer<String, byte[]> c) {
        List<org.apache.kafka.common.PartitionInfo> infos =
                c.partitionsFor(properties.topic(), properties.retryInterval());
        Set<TopicPartition> partitions = new HashSet<>();
        if (infos != null) {
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private static boolean caughtUp(Consumer<String, byte[]> c, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
