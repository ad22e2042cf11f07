package org.endorsements.command.shared.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Online compaction of the embedded H2 event store file (ignored on PostgreSQL).
 *
 * @param enabled          whether the command service compacts the H2 file while it runs
 * @param interval         pause between two compaction runs
 * @param targetFillRate   chunks whose live share (percent) is below this are rewritten
 * @param maxWritePerRun   most data one run rewrites; the store's writers wait while a run holds its lock,
 *                         so this bounds the pause a command can see
 */
@ConfigurationProperties("endorsements.event-store.h2-compaction")
public record H2CompactionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration interval,
        @DefaultValue("80") int targetFillRate,
        @DefaultValue("4MB") DataSize maxWritePerRun) {}
