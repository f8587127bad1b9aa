package dev.leadqualification.platform.eventstore;

/** Keys of the metadata every command and event carries. */
public final class MetadataKeys {
    /** The user on whose behalf the message was sent. */
    public static final String ACTOR = "actor";
    /**
     * The roles of the {@link #ACTOR} (comma list, e.g. {@code SALES,ADMIN}) on a command sent for an HTTP request;
     * absent on the commands the system sends itself (a saga's). Not copied onto events.
     */
    public static final String ACTOR_ROLES = "actorRoles";
    /** The id shared by every message caused by one client request. */
    public static final String CORRELATION_ID = "correlationId";
    /** The W3C trace id of the request that started the chain (platform.observability.TraceIds). */
    public static final String TRACE_ID = "traceId";

    private MetadataKeys() {
    }
}
