package dev.leadqualification.command.importing;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import org.axonframework.messaging.MetaData;

/**
 * Who runs an import and under which correlation id (recorded on every event it writes, as on every other
 * event), and whether the request suppresses duplicate detection for all of its lines.
 */
record ImportRun(String actor, String correlationId, boolean suppressDuplicateDetection) {

    MetaData eventMetaData() {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, actor);
        return correlationId == null ? metaData : metaData.and(MetadataKeys.CORRELATION_ID, correlationId);
    }
}
