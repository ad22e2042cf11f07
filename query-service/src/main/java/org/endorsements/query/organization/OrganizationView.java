package org.endorsements.query.organization;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;

/** An organization's profile and, per statement, whether it currently endorses it. */
public class OrganizationView {

    @Id
    private String id;

    private String name;
    private String country;
    private String region;
    private String kind;
    private String website;
    private Instant registeredAt;
    private boolean suspended;
    /** Last applied sequence number of the Organization aggregate (its public events only). */
    private long sequence = -1;

    private Map<String, Signature> statements = new HashMap<>();

    /** Latest state of this organization's endorsement of one statement. */
    public record Signature(boolean endorsed, Instant at, long sequence) {}

    protected OrganizationView() {}

    public static OrganizationView placeholder(String id) {
        OrganizationView view = new OrganizationView();
        view.id = id;
        return view;
    }

    public void registered(
            String name, String country, String region, String kind, String website, Instant at, long seq) {
        this.name = name;
        this.country = country;
        this.region = region;
        this.kind = kind;
        this.website = website;
        this.registeredAt = at;
        this.sequence = seq;
    }

    public void suspended(long seq) {
        this.suspended = true;
        this.sequence = seq;
    }

    /** Records an endorsement change unless an equal or later one is already recorded. */
    public void signature(String statementId, boolean endorsed, Instant at, long endorsementSequence) {
        Signature current = statements.get(statementId);
        if (current == null || current.sequence() < endorsementSequence) {
            statements.put(statementId, new Signature(endorsed, at, endorsementSequence));
        }
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCountry() {
        return country;
    }

    public String getRegion() {
        return region;
    }

    public String getKind() {
        return kind;
    }

    public String getWebsite() {
        return website;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public long getSequence() {
        return sequence;
    }

    public Map<String, Signature> getStatements() {
        return statements;
    }
}
