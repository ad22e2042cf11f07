package org.endorsements.query.organization;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.endorsements.events.EndorsementVisibility;
import org.springframework.data.annotation.Id;

/**
 * An organization's profile and, per statement, whether it currently endorses it. The projection writes the stored
 * document field by field ({@code OrganizationProjection}: atomic updates, so that concurrent writers lose none of
 * each other's changes); the changes below build the same view in memory, with the same rules.
 */
public class OrganizationView {

    @Id
    private String id;

    private String name;
    /** Its readable name in URLs and tools; an organization registered before handles existed has its id. */
    private String handle;

    private String country;
    private String region;
    private String kind;
    private String website;
    private Instant registeredAt;
    private boolean suspended;
    /** "Hide us now": no public view names it, at any instant; its public resource is gone. */
    private boolean hidden;
    /** Its personal data is erased: the view keeps no name, handle, website, region, kind or country. */
    private boolean erased;
    /** Last applied sequence number of the Organization aggregate (its public events only). */
    private long sequence = -1;

    private Map<String, Signature> statements = new HashMap<>();

    /**
     * Latest state of this organization's endorsement of one statement; {@code visibility} is null in views
     * written before it existed (public).
     */
    public record Signature(boolean endorsed, Instant at, long sequence, String visibility) {

        public boolean counted() {
            return EndorsementVisibility.COUNTED.wireName().equals(visibility);
        }
    }

    protected OrganizationView() {}

    public static OrganizationView placeholder(String id) {
        OrganizationView view = new OrganizationView();
        view.id = id;
        return view;
    }

    public void registered(
            String name, String country, String region, String kind, String website, Instant at, long seq) {
        if (erased || seq <= sequence) {
            return;
        }
        this.name = name;
        this.country = country;
        this.region = region;
        this.kind = kind;
        this.website = website;
        this.registeredAt = at;
        this.sequence = seq;
    }

    public void handle(String handle) {
        this.handle = handle;
    }

    /** Erasure: hidden too, and nothing that names the organization is kept. */
    public void erased(long seq) {
        this.erased = true;
        this.hidden = true;
        this.name = null;
        this.handle = null;
        this.country = null;
        this.region = null;
        this.kind = null;
        this.website = null;
        this.sequence = Math.max(sequence, seq);
    }

    public void suspended(long seq) {
        this.suspended = true;
        this.sequence = seq;
    }

    public void hidden(long seq) {
        this.hidden = true;
        this.sequence = seq;
    }

    /** Records an endorsement change unless an equal or later one is already recorded. */
    public void signature(
            String statementId, boolean endorsed, Instant at, long endorsementSequence, String visibility) {
        Signature current = statements.get(statementId);
        if (current == null || current.sequence() < endorsementSequence) {
            String kept = visibility != null || current == null ? visibility : current.visibility();
            statements.put(statementId, new Signature(endorsed, at, endorsementSequence, kept));
        }
    }

    /** Records a visibility change of a recorded endorsement unless an equal or later change is recorded. */
    public void visibility(String statementId, String visibility, long endorsementSequence) {
        Signature current = statements.get(statementId);
        if (current != null && current.sequence() < endorsementSequence) {
            statements.put(
                    statementId, new Signature(current.endorsed(), current.at(), endorsementSequence, visibility));
        }
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHandle() {
        return handle;
    }

    public boolean isErased() {
        return erased;
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

    public boolean isHidden() {
        return hidden;
    }

    public long getSequence() {
        return sequence;
    }

    public Map<String, Signature> getStatements() {
        return statements;
    }
}
