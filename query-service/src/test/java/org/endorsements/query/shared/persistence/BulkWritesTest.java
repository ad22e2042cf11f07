package org.endorsements.query.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class BulkWritesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = client(server.bind());
    private final MongoTemplate mongo = new MongoTemplate(client, "bulk-writes-test");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void an_upsert_inserts_new_documents_and_replaces_existing_ones_in_one_call() {
        BulkWrites.replaceById(mongo, "views", List.of(new Document("_id", "a").append("count", 1)));

        EmbeddedServer.upsertById(
                mongo,
                "views",
                List.of(new Document("_id", "a").append("count", 2), new Document("_id", "b").append("count", 1)));

        assertThat(mongo.findAll(Document.class, "views"))
                .containsExactlyInAnyOrder(
                        new Document("_id", "a").append("count", 2), new Document("_id", "b").append("count", 1));
    }

    @Test
    void an_upsert_replaces_the_whole_document_so_a_field_left_out_is_gone() {
        EmbeddedServer.upsertById(mongo, "views", List.of(new Document("_id", "a").append("reason", "x")));

        EmbeddedServer.upsertById(mongo, "views", List.of(new Document("_id", "a").append("endorsed", true)));

        assertThat(mongo.findAll(Document.class, "views"))
                .containsExactly(new Document("_id", "a").append("endorsed", true));
    }

    @Test
    void an_immutable_document_written_again_keeps_its_first_content_and_the_rest_of_the_batch_is_written() {
        EmbeddedServer.insertImmutable(mongo, "audit", List.of(new Document("_id", "e1").append("projectedAt", 1)));

        EmbeddedServer.insertImmutable(
                mongo,
                "audit",
                List.of(
                        new Document("_id", "e1").append("projectedAt", 2),
                        new Document("_id", "e2").append("projectedAt", 2)));

        assertThat(mongo.findAll(Document.class, "audit"))
                .containsExactlyInAnyOrder(
                        new Document("_id", "e1").append("projectedAt", 1),
                        new Document("_id", "e2").append("projectedAt", 2));
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
