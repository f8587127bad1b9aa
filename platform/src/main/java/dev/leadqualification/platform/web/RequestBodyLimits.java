package dev.leadqualification.platform.web;

import org.springframework.util.AntPathMatcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** The largest request body a service accepts: one default, larger ones for named paths (ant patterns). */
public final class RequestBodyLimits {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long defaultBytes;
    private final Map<String, Long> bytesByPath;

    private RequestBodyLimits(long defaultBytes, Map<String, Long> bytesByPath) {
        this.defaultBytes = defaultBytes;
        this.bytesByPath = bytesByPath;
    }

    public static RequestBodyLimits of(long defaultBytes) {
        return new RequestBodyLimits(defaultBytes, Map.of());
    }

    public RequestBodyLimits withLimit(String pathPattern, long bytes) {
        Map<String, Long> paths = new LinkedHashMap<>(bytesByPath);
        paths.put(pathPattern, bytes);
        return new RequestBodyLimits(defaultBytes, paths);
    }

    public long limitFor(String path) {
        return bytesByPath.entrySet().stream()
                .filter(entry -> PATHS.match(entry.getKey(), path))
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultBytes);
    }
}
