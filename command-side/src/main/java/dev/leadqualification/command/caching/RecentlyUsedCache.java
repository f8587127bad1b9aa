package dev.leadqualification.command.caching;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Axon's {@link Cache} holding the {@code capacity} entries used most recently; the least recently used one is dropped
 * to make room. Axon's aggregate repositories use nothing more of a cache than reading, writing and removing entries.
 */
public final class RecentlyUsedCache implements Cache {

    private final Map<Object, Object> entries;

    public RecentlyUsedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache needs room for at least one entry, not " + capacity);
        }
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Entries come and go without notice: no listener is ever called. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("This cache tells no listeners of its entries");
    }
}
