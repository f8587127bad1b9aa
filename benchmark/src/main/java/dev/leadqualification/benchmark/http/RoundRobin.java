package dev.leadqualification.benchmark.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's load balancer: the instances of one service (their base URLs), each call going to the next one in
 * turn, whichever thread makes it, as a round-robin balancer in front of them would send it.
 */
public final class RoundRobin {

    private final List<String> baseUrls;
    private final AtomicInteger calls = new AtomicInteger();

    public RoundRobin(List<String> baseUrls) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("No instance to send calls to");
        }
        this.baseUrls = baseUrls.stream()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
    }

    /** The base URL (without a trailing slash) the next call goes to. */
    public String next() {
        return baseUrls.get(Math.floorMod(calls.getAndIncrement(), baseUrls.size()));
    }

    public List<String> baseUrls() {
        return baseUrls;
    }
}
