package dev.leadqualification.query.stream;

import java.io.IOException;

/**
 * Where one subscriber's events go (an SSE response). Calls come from one thread at a time, in stream order; a
 * failing call ends the subscription.
 */
public interface EventSink {

    void send(StreamEvent event) throws IOException;

    /** Something to keep an idle connection open; it carries no event. */
    void heartbeat() throws IOException;

    /** The stream ends for this subscriber (the server stops, or the subscriber failed). */
    void close();
}
