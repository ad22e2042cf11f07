package org.endorsements.command.organization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;

/** An organization that can sign statements, with its single active API credential. */
@Aggregate(type = Organization.TYPE)
public class Organization {

    /** The type the event store records; pinned, so that renaming this class changes no stored or relayed name. */
    public static final String TYPE = "Organization";

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_FIELD_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @AggregateIdentifier
    private OrganizationId organizationId;

    private boolean suspended;
    private boolean hidden;
    private String activeCredentialId;

    protected Organization() {
        // for Axon
    }

    @CommandHandler
    public Organization(
            RegisterOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String name = TextRules.singleLine(command.name(), "name", MAX_NAME_LENGTH, true);
        String country = country(command.country());
        String region = TextRules.singleLine(command.region(), "region", MAX_FIELD_LENGTH, false);
        String kind = TextRules.singleLine(command.kind(), "kind", MAX_FIELD_LENGTH, false);
        String website = website(command.website());
        apply(new OrganizationRegistered(
                command.organizationId(), name, country, region, kind, website, command.at(), caller.auditName()));
        apply(new CredentialIssued(
                command.organizationId(), command.credentialId(), command.keyHash(), command.at(), caller.auditName()));
    }

    /**
     * Refused while the organization is suspended, for the admin too: a suspended organization's keys do not
     * authenticate, so a new one would be a live secret waiting for a reinstatement that does not exist. The admin
     * can still revoke its key (say, on the organization's word that it was seized).
     */
    @CommandHandler
    public void handle(
            IssueCredentialCommand command, @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (suspended) {
            throw DomainRuleViolation.conflict("organization-suspended", "a suspended organization gets no new key");
        }
        if (activeCredentialId != null) {
            apply(new CredentialRevoked(organizationId, activeCredentialId, command.at(), caller.auditName()));
        }
        apply(new CredentialIssued(
                organizationId, command.credentialId(), command.keyHash(), command.at(), caller.auditName()));
    }

    @CommandHandler
    public void handle(
            RevokeCredentialCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (activeCredentialId == null) {
            throw DomainRuleViolation.conflict("no-active-credential", "organization has no active credential");
        }
        apply(new CredentialRevoked(organizationId, activeCredentialId, command.at(), caller.auditName()));
    }

    @CommandHandler
    public long handle(
            SuspendOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (suspended) {
            throw DomainRuleViolation.conflict("organization-suspended", "organization is already suspended");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, false);
        apply(new OrganizationSuspended(organizationId, reason, command.at(), caller.auditName()));
        return getVersion();
    }

    /**
     * Hiding works for a suspended organization too (whoever had it suspended may be the danger it hides from),
     * and a second request changes nothing: in a hurry, pressing twice must not fail. An admin hides an
     * organization only on its documented request, so the admin's reason is required and recorded.
     */
    @CommandHandler
    public long handle(
            HideOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, caller.isAdmin());
        if (hidden) {
            return getVersion();
        }
        apply(new OrganizationHidden(organizationId, reason, command.at(), caller.auditName()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrganizationHidden event) {
        this.hidden = true;
    }

    @EventSourcingHandler
    void on(OrganizationRegistered event) {
        this.organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(CredentialIssued event) {
        this.activeCredentialId = event.credentialId();
    }

    @EventSourcingHandler
    void on(CredentialRevoked event) {
        this.activeCredentialId = null;
    }

    @EventSourcingHandler
    void on(OrganizationSuspended event) {
        this.suspended = true;
    }

    private static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw DomainRuleViolation.invalid("invalid-country", "country must be an ISO 3166-1 alpha-2 code");
        }
        return code;
    }

    private static String website(String value) {
        String website = TextRules.singleLine(value, "website", MAX_FIELD_LENGTH, false);
        if (website == null) {
            return null;
        }
        try {
            URI uri = URI.create(website);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a web address");
            }
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolation.invalid("invalid-website", "website must be an http(s) address");
        }
        return website;
    }
}
