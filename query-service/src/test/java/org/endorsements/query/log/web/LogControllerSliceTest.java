package org.endorsements.query.log.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.when;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endorsements.query.log.LogState;
import org.endorsements.query.log.checkpoint.Checkpointer;
import org.endorsements.query.log.checkpoint.LogSigningKey;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.support.QueryWebSlice;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.ProofVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(controllers = LogController.class)
@QueryWebSlice
class LogControllerSliceTest {

    private static final String LOG = "/api/statements/clean-air/log";
    private static final int SIZE = 5;

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    MongoLogStore logs;

    @MockitoBean
    Checkpointer checkpoints;

    @MockitoBean
    LogSigningKey key;

    private final List<byte[]> leaves = new ArrayList<>();
    /** The root of the log at each size, index = size. */
    private final List<byte[]> roots = new ArrayList<>();

    /** A real log of five leaves, its perfect subtrees stored as the log store keeps them. */
    @BeforeEach
    void aLogOfFiveLeaves() {
        CompactTree tree = new CompactTree();
        Map<String, byte[]> nodes = new HashMap<>();
        roots.add(tree.root());
        for (int i = 0; i < SIZE; i++) {
            byte[] leaf = ("leaf " + i).getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            tree.append(Hashes.leaf(leaf)).forEach(n -> nodes.put(n.level() + "/" + n.index(), n.hash()));
            roots.add(tree.root());
        }
        when(logs.state("clean-air")).thenReturn(Optional.of(new LogState("clean-air", SIZE, List.of(), "sha256:abc")));
        when(logs.nodes("clean-air")).thenReturn((level, index) -> nodes.get(level + "/" + index));
        when(logs.leaves("clean-air", 1, 3)).thenReturn(leaves.subList(1, 3));
        when(logs.leaves("clean-air", 0, SIZE)).thenReturn(leaves);
    }

    /** The base64 hashes at {@code path} of the answer. */
    private static List<byte[]> decoded(MvcTestResult result, String path) throws Exception {
        List<String> values = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), path);
        return values.stream().map(Base64.getDecoder()::decode).toList();
    }

    @Test
    void theVerifierKeyIsPublishedAsOneLineOfText() {
        when(key.verifierKey()).thenReturn("endorsements.local+1234abcd+AQID");

        assertThat(mvc.get().uri("/.well-known/endorsements-log-key"))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/plain")
                .hasBodyTextEqualTo("endorsements.local+1234abcd+AQID\n");
    }

    @Test
    void duringARotationEveryVerifierKeyIsPublishedTheCurrentOneFirst() {
        when(key.verifierKeys()).thenReturn(List.of("endorsements.local+new+AQID", "endorsements.local+old+BAUG"));

        assertThat(mvc.get().uri("/.well-known/endorsements-log-keys"))
                .hasStatusOk()
                .hasBodyTextEqualTo("endorsements.local+new+AQID\nendorsements.local+old+BAUG\n");
    }

    @Test
    void theLatestCheckpointIsItsSignedNoteAsText() {
        when(checkpoints.note("clean-air")).thenReturn(Optional.of("endorsements.local/statements/clean-air\n5\n"));

        assertThat(mvc.get().uri(LOG + "/checkpoint"))
                .hasStatusOk()
                .hasContentTypeCompatibleWith("text/plain")
                .hasBodyTextEqualTo("endorsements.local/statements/clean-air\n5\n");
    }

    @Test
    void aStatementWithoutACheckpointYetIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/log/checkpoint"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void leavesAreServedBase64ForTheRangeAskedFor() throws Exception {
        MvcTestResult result = mvc.get()
                .uri(LOG + "/leaves")
                .param("start", "1")
                .param("end", "3")
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"start": 1, "end": 3}""");
        assertThat(decoded(result, "$.leaves")).containsExactly(leaves.get(1), leaves.get(2));
    }

    @Test
    void withoutAnEndTheLeavesRunToTheEndOfTheLog() {
        assertThat(mvc.get().uri(LOG + "/leaves")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"start": 0, "end": 5}""");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start=-1", "start=4&end=2", "end=6", "start=0&end=1001"})
    void leavesOutsideTheLogAreABadRequestProblem(String range) {
        assertThat(mvc.get().uri(LOG + "/leaves?" + range))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-range"));
    }

    @Test
    void aStartThatIsNotANumberIsABadRequestProblemNamingIt() {
        assertThat(mvc.get().uri(LOG + "/leaves").param("start", "abc"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(problem("invalid-parameter"));
                    assertThat(json).extractingPath("$.parameter").isEqualTo("start");
                });
    }

    /** The query strings as a client sends them; the detail names what to correct. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/leaves?start=abc|start",
                "/proof/consistency?from=1|to",
                "/proof/inclusion?leafIndex=x&treeSize=1|leafIndex"
            })
    void aMalformedQueryParameterIsABadRequestProblemWhoseDetailNamesIt(String query, String parameter) {
        assertThat(mvc.get().uri(URI.create(LOG + query)))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").asString().startsWith(problem(""));
                    assertThat(json).extractingPath("$.detail").asString().contains(parameter);
                });
    }

    @Test
    void anInclusionProofByLeafIndexVerifiesAgainstTheRootOfTheTreeSizeAskedFor() throws Exception {
        MvcTestResult result = mvc.get()
                .uri(LOG + "/proof/inclusion")
                .param("leafIndex", "2")
                .param("treeSize", "4")
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"leafIndex": 2, "treeSize": 4}""");
        assertThat(ProofVerifier.verifyInclusion(
                        Hashes.leaf(leaves.get(2)), 2, 4, decoded(result, "$.proof"), roots.get(4)))
                .isTrue();
    }

    @Test
    void anInclusionProofByEventIdIsForThatEventsLeaf() {
        when(logs.eventIndex("clean-air", "event-3")).thenReturn(Optional.of(3L));

        assertThat(mvc.get()
                        .uri(LOG + "/proof/inclusion")
                        .param("eventId", "event-3")
                        .param("treeSize", "5"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.leafIndex")
                .isEqualTo(3);
    }

    @Test
    void anInclusionProofOfAnUnknownEventIsANotFoundProblem() {
        assertThat(mvc.get()
                        .uri(LOG + "/proof/inclusion")
                        .param("eventId", "no-such-event")
                        .param("treeSize", "5"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void anInclusionProofOfNoLeafIsABadRequestProblem() {
        assertThat(mvc.get().uri(LOG + "/proof/inclusion").param("treeSize", "5"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("missing-leaf"));
    }

    @Test
    void aLeafIndexThatIsNotANumberIsABadRequestProblemNamingIt() {
        assertThat(mvc.get()
                        .uri(LOG + "/proof/inclusion")
                        .param("leafIndex", "x")
                        .param("treeSize", "1"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("leafIndex");
    }

    @Test
    void anInclusionProofWithoutATreeSizeIsABadRequestProblemNamingIt() {
        assertThat(mvc.get().uri(LOG + "/proof/inclusion").param("leafIndex", "0"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(problem("missing-parameter"));
                    assertThat(json).extractingPath("$.parameter").isEqualTo("treeSize");
                });
    }

    @ParameterizedTest(name = "leafIndex={0} treeSize={1}")
    @CsvSource({"-1, 1", "0, 0", "5, 5", "0, 6"})
    void anInclusionProofOutsideTheLogIsABadRequestProblem(String leafIndex, String treeSize) {
        assertThat(mvc.get()
                        .uri(LOG + "/proof/inclusion")
                        .param("leafIndex", leafIndex)
                        .param("treeSize", treeSize))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-range"));
    }

    @Test
    void aConsistencyProofVerifiesBetweenTheRootsOfBothSizes() throws Exception {
        MvcTestResult result = mvc.get()
                .uri(LOG + "/proof/consistency")
                .param("from", "3")
                .param("to", "5")
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"from": 3, "to": 5}""");
        assertThat(ProofVerifier.verifyConsistency(3, 5, decoded(result, "$.proof"), roots.get(3), roots.get(5)))
                .isTrue();
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource({"0, 1", "4, 2", "1, 6"})
    void aConsistencyProofOutsideTheLogIsABadRequestProblem(String from, String to) {
        assertThat(mvc.get().uri(LOG + "/proof/consistency").param("from", from).param("to", to))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-range"));
    }

    @Test
    void aConsistencyProofWithoutAnEndIsABadRequestProblemNamingIt() {
        assertThat(mvc.get().uri(LOG + "/proof/consistency").param("from", "1"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("to");
    }

    @Test
    void theProofsOfAStatementWithoutALogAreANotFoundProblem() {
        assertThat(mvc.get()
                        .uri("/api/statements/no-such-statement/log/proof/consistency")
                        .param("from", "1")
                        .param("to", "1"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }
}
