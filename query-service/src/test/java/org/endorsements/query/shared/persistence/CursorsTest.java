package org.endorsements.query.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A statement's documents beyond the driver's 48 MB reply limit, read from the embedded server. */
class CursorsTest {

    /** Audit entries are well under a kilobyte; these are a kilobyte each, 60 MB in all. */
    private static final int DOCUMENTS = 60_000;

    private static final String PADDING = "x".repeat(1_000);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "cursors-test");

    @BeforeEach
    void sixtyMegabytesOfOneStatement() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(
                    new Document("_id", "e" + i).append("statementId", "s").append("padding", PADDING));
            if (documents.size() == 5_000) {
                mongo.getCollection("audit").insertMany(documents);
                documents.clear();
            }
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchedQueryReadsEveryDocumentOfALargeResult() {
        Query query = Query.query(Criteria.where("statementId").is("s"));

        assertThat(mongo.find(Cursors.batched(query), Document.class, "audit")).hasSize(DOCUMENTS);
    }

    @Test
    void withoutABatchSizeTheEmbeddedServerAnswersInOneReplyTooLargeForTheDriver() {
        Query query = Query.query(Criteria.where("statementId").is("s"));

        assertThatThrownBy(() -> mongo.find(query, Document.class, "audit")).hasMessageContaining("message length");
    }
}
