package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** What a reconciliation's re-check relies on: every instance's projection held still, or named as not. */
// The same context as the other integration tests (one per JVM: each context's projection joins the group).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PauseAcrossInstancesIntegrationTest extends QueryStackSupport {

    private static final String INSTANCES = "projection_instances";

    @Autowired
    LiveProjection live;

    @Autowired
    MongoTemplate mongo;

    @Test
    void whileTheWorkRunsTheOtherInstancesProjectionIsPausedToo() {
        try (SecondInstance second = new SecondInstance(Map.of("endorsements.projection.instance-id", "query-c"))) {
            // Once the group has given it partitions and it has said so at a heartbeat.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Document record = mongo.findById("query-c", Document.class, INSTANCES);
                return record != null
                        && !record.getList("partitions", Integer.class, List.of())
                                .isEmpty();
            });
            MessageListenerContainer theirs =
                    second.bean(KafkaListenerEndpointRegistry.class).getListenerContainer("projection");

            LiveProjection.Paused<Boolean> paused =
                    live.whileEveryInstancePaused(Duration.ofSeconds(20), theirs::isContainerPaused);

            assertThat(paused.result()).contains(true);
            assertThat(paused.unconfirmedPartitions()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !theirs.isPauseRequested());
        }
    }

    @Test
    void anInstanceThatDoesNotComeToRestIsNamedByItsPartitionsAndTheWorkStillRuns() {
        // An instance that records its heartbeat but never answers a pause request (stuck in a long batch).
        mongo.save(
                new Document("_id", "query-stuck")
                        .append("generation", 1)
                        .append("seenAt", new Date())
                        .append("partitions", List.of(97, 98)),
                INSTANCES);
        try {
            LiveProjection.Paused<String> paused = live.whileEveryInstancePaused(Duration.ofSeconds(1), () -> "ran");

            assertThat(paused.result()).contains("ran");
            assertThat(paused.unconfirmedPartitions()).containsExactlyInAnyOrder(97, 98);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is("query-stuck")), INSTANCES);
        }
    }
}
