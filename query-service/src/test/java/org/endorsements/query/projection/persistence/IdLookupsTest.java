package org.endorsements.query.projection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class IdLookupsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = client(server.bind());
    private final MongoTemplate mongo = new MongoTemplate(client, "id-lookups-test");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_lookup_in_lanes_finds_every_stored_document_of_many_chunks_and_nothing_else() {
        // Every third id stored, over more chunks than there are lanes.
        int ids = IdLookups.CHUNK * IdLookups.LANES * 3 + 7;
        BulkWrites.replaceById(mongo, "views", IntStream.range(0, ids).filter(i -> i % 3 == 0)
                .mapToObj(i -> new Document("_id", "id-" + i)).toList());
        List<String> asked = new ArrayList<>(IntStream.range(0, ids).mapToObj(i -> "id-" + i).toList());
        asked.add("never-stored");

        List<Document> found = IdLookups.findConcurrently(mongo, asked, Document.class, "views");

        assertThat(found).extracting(d -> d.getString("_id")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, ids).filter(i -> i % 3 == 0).mapToObj(i -> "id-" + i).toList());
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
