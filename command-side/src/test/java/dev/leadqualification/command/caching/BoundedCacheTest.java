package dev.leadqualification.command.caching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache keeps at most its capacity's worth of entries, and behaves as Axon's repositories expect of a cache. */
class BoundedCacheTest {

    private final BoundedCache cache = new BoundedCache(2);

    @Test
    void itHoldsNoMoreThanItsCapacity() {
        for (int i = 0; i < 100; i++) {
            cache.put("lead-" + i, i);
        }
        cache.cleanUp();

        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void entriesAreReplacedOnlyByPutAndGoneOnceRemoved() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        cache.put("a", 3);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(3);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isNull();

        cache.put("b", 4);
        cache.removeAll();
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void aCacheWithoutRoomIsRefused() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
