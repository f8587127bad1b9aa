package dev.leadqualification.command.caching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache keeps its capacity's worth of entries, dropping the one used least recently. */
class RecentlyUsedCacheTest {

    private final RecentlyUsedCache cache = new RecentlyUsedCache(2);

    @Test
    void theEntryUsedLeastRecentlyMakesRoomForANewOne() {
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("b")).as("b, used least recently, was dropped").isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
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
        assertThatThrownBy(() -> new RecentlyUsedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
