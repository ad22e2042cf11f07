package org.endorsements.query.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.statement.StatementView;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The view store as maps of BSON documents, mapped exactly as MongoDB would store them, so the projector's rules
 * can be tested as plain objects. Every load returns fresh objects, like a database. {@link #crashBefore} makes
 * the next write stop part-way through a batch, like a process killed between two bulk writes.
 */
class InMemoryViewStore implements ViewStore {

    private final MappingMongoConverter converter;
    final Map<String, Document> statements = new LinkedHashMap<>();
    final Map<String, Document> endorsements = new LinkedHashMap<>();
    final Map<String, Document> growth = new LinkedHashMap<>();
    final Map<String, Document> organizations = new LinkedHashMap<>();
    final Map<String, Document> audit = new LinkedHashMap<>();
    final Map<Integer, Long> positions = new HashMap<>();
    /** The write stage ("statements", "endorsements", "positions", ...) the next batch stops before, or null. */
    String crashBefore;

    InMemoryViewStore() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
    }

    StatementView statement(String id) {
        return read(StatementView.class, statements.get(id));
    }

    EndorsementView endorsement(String id) {
        return read(EndorsementView.class, endorsements.get(id));
    }

    GrowthBucket bucket(String id) {
        return read(GrowthBucket.class, growth.get(id));
    }

    List<AuditEntry> auditEntries() {
        return audit.values().stream().map(d -> read(AuditEntry.class, d)).toList();
    }

    OrganizationView organization(String id) {
        return read(OrganizationView.class, organizations.get(id));
    }

    @Override
    public Map<String, StatementView> statements(Set<String> ids) {
        return load(statements, ids, StatementView.class);
    }

    @Override
    public Map<String, EndorsementView> endorsements(Set<String> ids) {
        return load(endorsements, ids, EndorsementView.class);
    }

    @Override
    public Map<String, GrowthBucket> growth(Set<String> ids) {
        return load(growth, ids, GrowthBucket.class);
    }

    @Override
    public Map<String, OrganizationView> organizations(Set<String> ids) {
        return load(organizations, ids, OrganizationView.class);
    }

    @Override
    public void write(Collection<AuditEntry> auditEntries, Collection<StatementView> statementViews,
            Collection<GrowthBucket> buckets, Collection<OrganizationView> organizationViews,
            Collection<EndorsementView> endorsementViews, Map<Integer, Long> nextOffsets) {
        crashIf("audit");
        auditEntries.forEach(e -> audit.putIfAbsent(e.id(), write(e)));
        crashIf("statements");
        store(statements, statementViews, StatementView::getId);
        crashIf("growth");
        store(growth, buckets, GrowthBucket::getId);
        crashIf("organizations");
        store(organizations, organizationViews, OrganizationView::getId);
        crashIf("endorsements");
        store(endorsements, endorsementViews, EndorsementView::getId);
        crashIf("positions");
        positions.putAll(nextOffsets);
    }

    @Override
    public Map<Integer, Long> positions() {
        return Map.copyOf(positions);
    }

    private void crashIf(String stage) {
        if (stage.equals(crashBefore)) {
            crashBefore = null;
            throw new IllegalStateException("simulated crash before writing " + stage);
        }
    }

    private <T> void store(Map<String, Document> into, Collection<T> views, Function<T, String> id) {
        views.forEach(v -> into.put(id.apply(v), write(v)));
    }

    private Document write(Object view) {
        Document doc = new Document();
        converter.write(view, doc);
        return doc;
    }

    private <T> T read(Class<T> type, Document doc) {
        return doc == null ? null : converter.read(type, doc);
    }

    private <T> Map<String, T> load(Map<String, Document> all, Set<String> ids, Class<T> type) {
        Map<String, T> found = new HashMap<>();
        ids.forEach(id -> {
            if (all.containsKey(id)) {
                found.put(id, read(type, all.get(id)));
            }
        });
        return found;
    }
}
