package org.endorsements.query.endorsement;

import java.time.Instant;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.springframework.data.annotation.Id;

/**
 * One organization's endorsement of one statement, current state. {@code _id} = {@code statementId:organizationId},
 * the command side's aggregate id, whose sequence numbers make re-delivered events harmless.
 */
public class EndorsementView {

    private static final String COUNTED = EndorsementVisibility.COUNTED.wireName();

    @Id
    private String id;

    private String statementId;
    private String organizationId;
    private String organizationName;
    private boolean endorsed;
    private Instant endorsedAt;
    private Instant firstEndorsedAt;
    private Instant withdrawnAt;
    private String withdrawalReason;
    /** Set while an admin's invalidation is in force: category and reason, for auditors. */
    private String invalidationCategory;

    private String invalidationReason;
    private Instant invalidatedAt;
    private String source;
    private Integer entryNumber;
    private String actor;
    /** The version the endorsement in force endorsed (its text of record's hash). */
    private String contentHash;
    /** The text its signer read: the version's own or a translation; null in views written before it existed. */
    private String readContentHash;
    /** When the organization last re-confirmed a newer version; null if it never did since it endorsed. */
    private Instant reconfirmedAt;

    private String signerOpening;
    /**
     * {@code public} or {@code counted}, as the endorsement itself says (null in views written before it existed:
     * public); whether its organization is hidden as a whole is the organizations' view's to say.
     */
    private String visibility;
    /** What vouches for the latest endorsement or withdrawal (events/TOPIC.md, assurance levels). */
    private String assurance;
    /** The organization's signing key that signed the latest endorsement or withdrawal; null when unsigned. */
    private String signingKeyId;
    /** Orders the public list: letter entries by number first, then later signatures by time. */
    private String sortKey;
    /** Last applied aggregate sequence number; -1 before the first event. */
    private long sequence = -1;

    private long gaps;

    protected EndorsementView() {}

    public static EndorsementView empty(EndorsementId id) {
        EndorsementView view = new EndorsementView();
        view.id = id.value();
        view.statementId = id.statementId().value();
        view.organizationId = id.organizationId().value();
        return view;
    }

    /** What an incoming aggregate sequence number means for this view. */
    public enum Arrival {
        NEXT,
        DUPLICATE,
        AFTER_GAP
    }

    public Arrival arrivalOf(long incomingSequence) {
        if (incomingSequence <= sequence) {
            return Arrival.DUPLICATE;
        }
        return incomingSequence == sequence + 1 ? Arrival.NEXT : Arrival.AFTER_GAP;
    }

    /** An endorsement of the default visibility (as every event recorded before visibility existed). */
    public void added(
            String organizationName,
            Instant at,
            String source,
            Integer entryNumber,
            String actor,
            String contentHash,
            String signerOpening,
            long seq,
            boolean afterGap) {
        added(organizationName, at, source, entryNumber, actor, contentHash, signerOpening, null, seq, afterGap);
    }

    public void added(
            String organizationName,
            Instant at,
            String source,
            Integer entryNumber,
            String actor,
            String contentHash,
            String signerOpening,
            String visibility,
            long seq,
            boolean afterGap) {
        this.organizationName = organizationName;
        this.visibility = visibility;
        this.endorsed = true;
        this.endorsedAt = at;
        if (firstEndorsedAt == null) {
            firstEndorsedAt = at;
        }
        this.withdrawnAt = null;
        this.withdrawalReason = null;
        this.source = source;
        this.entryNumber = entryNumber;
        this.actor = actor;
        this.contentHash = contentHash;
        this.readContentHash = contentHash;
        this.reconfirmedAt = null;
        this.signerOpening = signerOpening;
        this.sortKey = entryNumber != null
                ? String.format("0:%010d:%s", entryNumber, organizationId)
                : "1:" + at + ":" + organizationId;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    /** The signer read another text of the version than its text of record (a translation). */
    public void read(String readContentHash) {
        this.readContentHash = readContentHash;
    }

    /**
     * The endorsement in force moved to a newer version: counted once still, and where it stands in the list
     * (its entry, its first signature) unchanged.
     */
    public void reconfirmed(
            String contentHash, String readContentHash, Instant at, String actor, long seq, boolean afterGap) {
        this.contentHash = contentHash;
        this.readContentHash = readContentHash;
        this.reconfirmedAt = at;
        this.actor = actor;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    public void withdrawn(Instant at, String reason, String actor, long seq, boolean afterGap) {
        this.endorsed = false;
        this.withdrawnAt = at;
        this.withdrawalReason = reason;
        this.actor = actor;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    /** Out of every count and list, as a withdrawal; the organization's name stays for auditors. */
    public void invalidated(String category, String reason, Instant at, String actor, long seq, boolean afterGap) {
        this.endorsed = false;
        this.invalidationCategory = category;
        this.invalidationReason = reason;
        this.invalidatedAt = at;
        this.actor = actor;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    /** Counted again as it was added: same time, opening, visibility and place in the list. */
    public void reinstated(String actor, long seq, boolean afterGap) {
        this.endorsed = true;
        this.invalidationCategory = null;
        this.invalidationReason = null;
        this.invalidatedAt = null;
        this.actor = actor;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    /**
     * The organization's personal data is erased: the view keeps neither its name (shown as
     * {@link OrganizationPersonalDataErased#DISPLAY_NAME}) nor its withdrawal reason. The sequence is not touched:
     * erasure is an event of the organization, not of this endorsement, and applying it again changes nothing.
     */
    public void erased() {
        this.organizationName = OrganizationPersonalDataErased.DISPLAY_NAME;
        this.withdrawalReason = null;
    }

    public String getInvalidationCategory() {
        return invalidationCategory;
    }

    public String getInvalidationReason() {
        return invalidationReason;
    }

    public Instant getInvalidatedAt() {
        return invalidatedAt;
    }

    public boolean isInvalidated() {
        return invalidatedAt != null;
    }

    public void visibilityChanged(String visibility, long seq, boolean afterGap) {
        this.visibility = visibility;
        this.sequence = seq;
        if (afterGap) {
            gaps++;
        }
    }

    /** Counted but not named, by the endorsement's own choice (a hidden organization is hidden on top of this). */
    public boolean isCounted() {
        return COUNTED.equals(visibility);
    }

    public String getVisibility() {
        return visibility;
    }

    /** What vouches for the event just applied, and the key that signed it (null when unsigned). */
    public void attested(String assurance, String signingKeyId) {
        this.assurance = assurance;
        this.signingKeyId = signingKeyId;
    }

    public String getAssurance() {
        return assurance;
    }

    public String getSigningKeyId() {
        return signingKeyId;
    }

    public String getId() {
        return id;
    }

    public String getStatementId() {
        return statementId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public boolean isEndorsed() {
        return endorsed;
    }

    public Instant getEndorsedAt() {
        return endorsedAt;
    }

    public Instant getFirstEndorsedAt() {
        return firstEndorsedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public String getSource() {
        return source;
    }

    public Integer getEntryNumber() {
        return entryNumber;
    }

    public String getActor() {
        return actor;
    }

    public String getContentHash() {
        return contentHash;
    }

    /** The text the signer read; the version's own where the view predates the field. */
    public String getReadContentHash() {
        return readContentHash != null ? readContentHash : contentHash;
    }

    public Instant getReconfirmedAt() {
        return reconfirmedAt;
    }

    public String getSignerOpening() {
        return signerOpening;
    }

    public String getSortKey() {
        return sortKey;
    }

    public long getSequence() {
        return sequence;
    }

    public long getGaps() {
        return gaps;
    }
}
