package dev.leadqualification.command.caching;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's {@link Cache} over a Caffeine cache of at most {@code capacity} entries (Caffeine chooses which to drop: those
 * used least, recently and often). Axon's aggregate repositories use nothing more of a cache than reading, writing and
 * removing entries.
 */
public final class BoundedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache needs room for at least one entry, not " + capacity);
        }
        this.entries = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Entries come and go without notice: no listener is ever called. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("This cache tells no listeners of its entries");
    }

    /** Drops what is beyond the capacity now (Caffeine otherwise does it a little later, on another thread). */
    void cleanUp() {
        entries.cleanUp();
    }

    long size() {
        return entries.estimatedSize();
    }
}
