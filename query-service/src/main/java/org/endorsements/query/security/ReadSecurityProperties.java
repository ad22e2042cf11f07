package org.endorsements.query.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param auditorKey key that unlocks the audit trail and withdrawn signatories ({@code ENDORSEMENTS_AUDITOR_KEY})
 * @param adminKey   key for replay and reconciliation ({@code ENDORSEMENTS_ADMIN_KEY})
 */
@ConfigurationProperties("endorsements.security")
public record ReadSecurityProperties(String auditorKey, String adminKey) {
}
