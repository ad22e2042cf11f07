package org.endorsements.query.statement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;

/**
 * A statement with its running counts. One document per statement, {@code _id} = statement id. Title, body,
 * language and content hash are those of the version in force; {@code versions} has every version in order and
 * {@code texts} every other text (translations, a late original) of any version.
 */
public class StatementView {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    private String id;

    private String title;
    private String body;
    private String language;
    private String contentHash;
    /** The version in force, from 1; 0 in views written before versions existed (version 1). */
    private int version;
    /** Set when the text of record of version 1 is a translation of an original not (yet) on the platform. */
    private String translator;

    private String originalLanguage;
    private List<Version> versions = new ArrayList<>();
    private List<Text> texts = new ArrayList<>();
    private String signatoryListIntro;
    private String closingNote;
    private String status;
    private Instant publishedAt;
    private Instant closedAt;
    private long currentCount;
    private long totalAdded;
    private long withdrawn;
    /** Endorsements an admin invalidated and did not reinstate: not in {@link #currentCount}. */
    private long invalidated;
    /** The goal and closing time in force, null for none. */
    private Integer signatureGoal;

    private Instant closesAt;
    /** When the goal in force was reached, null while it is not. */
    private Instant goalReachedAt;
    /** Who closed the statement: an admin, or {@code deadline}. */
    private String closedBy;

    private Instant firstEndorsementAt;
    private Instant lastEndorsementAt;
    /** Last applied sequence number of the Statement aggregate; -1 before publication is seen. */
    private long sequence = -1;
    /** Kafka offset (in this statement's partition) of the last event counted here; guards re-delivery. */
    private long appliedOffset = -1;

    /** One version's text of record, from when it was in force. */
    public record Version(
            int version, String contentHash, String title, String body, String language, Instant publishedAt) {}

    /** Another text of the version {@code versionContentHash}: a translation, or its original. */
    public record Text(
            String contentHash,
            String versionContentHash,
            String language,
            String title,
            String body,
            String translator,
            boolean original,
            Instant addedAt) {}

    protected StatementView() {}

    public static StatementView placeholder(String id) {
        StatementView view = new StatementView();
        view.id = id;
        view.status = OPEN;
        return view;
    }

    public void published(
            String title,
            String body,
            String language,
            String contentHash,
            String listIntro,
            String closingNote,
            Instant at,
            long seq) {
        this.signatoryListIntro = listIntro;
        this.closingNote = closingNote;
        this.title = title;
        this.body = body;
        this.language = language;
        this.contentHash = contentHash;
        this.publishedAt = at;
        this.status = OPEN;
        this.sequence = seq;
        this.version = 1;
        this.versions = new ArrayList<>(List.of(new Version(1, contentHash, title, body, language, at)));
    }

    /** The published text of record is a translation by {@code translator} of an original in that language. */
    public void translatedFrom(String translator, String originalLanguage) {
        this.translator = translator;
        this.originalLanguage = originalLanguage;
    }

    public void textAdded(Text text, long seq) {
        texts.add(text);
        this.sequence = seq;
    }

    public void amended(
            int version, String title, String body, String language, String contentHash, Instant at, long seq) {
        this.version = version;
        this.title = title;
        this.body = body;
        this.language = language;
        this.contentHash = contentHash;
        versions.add(new Version(version, contentHash, title, body, language, at));
        this.sequence = seq;
    }

    /** The version in force at {@code at}: the last one published at or before it; empty before publication. */
    public Optional<Version> versionAt(Instant at) {
        Version inForce = null;
        for (Version v : getVersions()) {
            if (!v.publishedAt().isAfter(at)) {
                inForce = v;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** The version whose text of record is {@code contentHash}; empty for any other hash. */
    public Optional<Version> version(String contentHash) {
        return getVersions().stream()
                .filter(v -> v.contentHash().equals(contentHash))
                .findFirst();
    }

    /** An endorsement moved to another version: the counts stay, the position moves. */
    public void endorsementReconfirmed(long offset) {
        appliedOffset = offset;
    }

    public void closed(Instant at, long seq) {
        this.status = CLOSED;
        this.closedAt = at;
        this.sequence = seq;
    }

    public void closed(Instant at, String by, long seq) {
        closed(at, seq);
        this.closedBy = by;
    }

    /** A new goal is not reached until the command side says so. */
    public void targetsSet(Integer goal, Instant closesAt, long seq) {
        if (!java.util.Objects.equals(goal, signatureGoal)) {
            goalReachedAt = null;
        }
        this.signatureGoal = goal;
        this.closesAt = closesAt;
        this.sequence = seq;
    }

    public void goalReached(Instant at, long seq) {
        this.goalReachedAt = at;
        this.sequence = seq;
    }

    public void endorsementInvalidated(long offset) {
        currentCount--;
        invalidated++;
        appliedOffset = offset;
    }

    public void endorsementReinstated(long offset) {
        currentCount++;
        invalidated--;
        appliedOffset = offset;
    }

    public void endorsementAdded(Instant at, long offset) {
        currentCount++;
        totalAdded++;
        if (firstEndorsementAt == null || at.isBefore(firstEndorsementAt)) {
            firstEndorsementAt = at;
        }
        if (lastEndorsementAt == null || at.isAfter(lastEndorsementAt)) {
            lastEndorsementAt = at;
        }
        appliedOffset = offset;
    }

    public void endorsementWithdrawn(long offset) {
        currentCount--;
        withdrawn++;
        appliedOffset = offset;
    }

    /** Counts are unchanged by who may see a signer; only the position moves. */
    public void endorsementVisibilityChanged(long offset) {
        appliedOffset = offset;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getLanguage() {
        return language;
    }

    public String getContentHash() {
        return contentHash;
    }

    public int getVersion() {
        return version == 0 && publishedAt != null ? 1 : version;
    }

    public String getTranslator() {
        return translator;
    }

    public String getOriginalLanguage() {
        return originalLanguage;
    }

    /** Every version in order; a view written before versions existed has its one version. */
    public List<Version> getVersions() {
        if ((versions == null || versions.isEmpty()) && publishedAt != null) {
            return List.of(new Version(1, contentHash, title, body, language, publishedAt));
        }
        return versions == null ? List.of() : List.copyOf(versions);
    }

    public List<Text> getTexts() {
        return texts == null ? List.of() : List.copyOf(texts);
    }

    public String getSignatoryListIntro() {
        return signatoryListIntro;
    }

    public String getClosingNote() {
        return closingNote;
    }

    public String getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getCurrentCount() {
        return currentCount;
    }

    public long getTotalAdded() {
        return totalAdded;
    }

    public long getWithdrawn() {
        return withdrawn;
    }

    public Instant getFirstEndorsementAt() {
        return firstEndorsementAt;
    }

    public Instant getLastEndorsementAt() {
        return lastEndorsementAt;
    }

    public long getInvalidated() {
        return invalidated;
    }

    public Integer getSignatureGoal() {
        return signatureGoal;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Instant getGoalReachedAt() {
        return goalReachedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public long getSequence() {
        return sequence;
    }

    public long getAppliedOffset() {
        return appliedOffset;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }
}
