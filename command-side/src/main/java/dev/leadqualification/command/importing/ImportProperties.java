package dev.leadqualification.command.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and batching of imports ({@code leads.import.*}, e.g. {@code LEADS_IMPORT_MAX_BODY_SIZE=2GB}).
 *
 * @param maxBodySize     the largest import body (a million records are about 200 MB)
 * @param maxLineSize     the longest line; a longer one is refused on its own (413), the others are read on
 * @param batchSize       lines per database transaction
 * @param maxListedErrors refused lines listed in the answer with their problem; the others are only counted
 */
@ConfigurationProperties("leads.import")
public record ImportProperties(@DefaultValue("1GB") DataSize maxBodySize,
                               @DefaultValue("64KB") DataSize maxLineSize,
                               @DefaultValue("2000") int batchSize,
                               @DefaultValue("10000") int maxListedErrors) {
}
