package org.endorsements.command.registry;

import org.endorsements.command.endorsement.SignatoryRules;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.springframework.stereotype.Component;

/** An endorsement's questions about its statement and its organization, answered from the registries. */
@Component
class RegistrySignatoryRules implements SignatoryRules {

    private final StatementRegistry statements;
    private final OrganizationRegistry organizations;

    RegistrySignatoryRules(StatementRegistry statements, OrganizationRegistry organizations) {
        this.statements = statements;
        this.organizations = organizations;
    }

    @Override
    public String contentHashOfOpenStatement(StatementId statementId) {
        StatementRegistry.Entry entry = statements
                .find(statementId)
                .orElseThrow(() -> DomainRuleViolation.notFound("statement-not-found", "no such statement"));
        if (entry.closed()) {
            throw DomainRuleViolation.conflict("statement-closed", "statement is closed");
        }
        return entry.contentHash();
    }

    @Override
    public String nameOfActiveOrganization(OrganizationId organizationId) {
        OrganizationRegistry.Entry entry = organizations
                .find(organizationId)
                .orElseThrow(() -> DomainRuleViolation.notFound("organization-not-found", "no such organization"));
        if (organizations.isErased(organizationId)) {
            throw DomainRuleViolation.conflict("organization-erased", "the organization's personal data is erased");
        }
        if (entry.suspended()) {
            throw DomainRuleViolation.conflict("organization-suspended", "organization is suspended");
        }
        return entry.name();
    }

    @Override
    public boolean isHidden(OrganizationId organizationId) {
        return organizations.isHidden(organizationId);
    }
}
