package dev.leadqualification.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Brings an event that gives a record its owner from revision 1 (or no revision) to revision 2 by adding
 * {@code ownerId}: the user who acted, from the event's metadata. Before records had owners, the user who created a
 * record (for a qualification's records: the user who qualified the lead) was the one responsible for it, so that is
 * the owner such a record keeps. An event stored without an actor gets no owner ({@code null}: only an ADMIN may then
 * change the record, and may assign it). Events of revision 2 are not touched.
 */
public class OwnerFromActorUpcaster extends SingleEventUpcaster {

    static final String OLD_REVISION = "1";
    static final String NEW_REVISION = "2";
    static final String OWNER = "ownerId";

    private final String payloadType;
    private final SimpleSerializedType upcastType;

    /** @param payloadType the event's type as it is stored */
    public OwnerFromActorUpcaster(String payloadType) {
        this.payloadType = payloadType;
        this.upcastType = new SimpleSerializedType(payloadType, NEW_REVISION);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return payloadType.equals(event.getType().getName()) && (revision == null || OLD_REVISION.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        MetaData metaData = event.getMetaData().getObject();
        return event.upcastPayload(upcastType, JsonNode.class, payload -> withOwner(payload, metaData));
    }

    private static JsonNode withOwner(JsonNode payload, MetaData metaData) {
        if (payload.hasNonNull(OWNER) || !payload.isObject()) {
            return payload;
        }
        Object actor = metaData.get(MetadataKeys.ACTOR);
        ObjectNode upcast = payload.deepCopy();
        return actor == null ? upcast.putNull(OWNER) : upcast.put(OWNER, actor.toString());
    }
}
