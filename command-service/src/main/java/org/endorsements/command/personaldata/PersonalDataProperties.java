package org.endorsements.command.personaldata;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey       the master key, standard base64 of 32 bytes ({@code ENDORSEMENTS_MASTER_KEY}); wins over
 *                        the file
 * @param masterKeyFile   where the master key is read from when {@code masterKey} is unset (base64, one line)
 * @param createMasterKey whether a missing master key file is created with a new random key (owner-only
 *                        permissions): the embedded default does, the prod profile refuses to start instead
 * @param keyCacheSize    how many unwrapped data keys are kept in memory, most recently used first
 * @param serviceKey      the bearer key of the internal endpoints ({@code ENDORSEMENTS_SERVICE_KEY}); blank derives
 *                        it from the admin key ({@link org.endorsements.events.ServiceKey})
 */
@ConfigurationProperties("endorsements.personal-data")
public record PersonalDataProperties(
        String masterKey,
        Path masterKeyFile,
        @DefaultValue("false") boolean createMasterKey,
        @DefaultValue("10000") int keyCacheSize,
        String serviceKey) {}
