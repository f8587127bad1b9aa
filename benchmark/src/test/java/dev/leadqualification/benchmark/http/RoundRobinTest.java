package dev.leadqualification.benchmark.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundRobinTest {

    @Test
    void sendsEachCallToTheNextInstanceInTurn() {
        RoundRobin instances = new RoundRobin(List.of("http://a:1/", "http://b:2", "http://c:3"));

        assertThat(IntStream.range(0, 7).mapToObj(call -> instances.next()).toList()).containsExactly(
                "http://a:1", "http://b:2", "http://c:3", "http://a:1", "http://b:2", "http://c:3", "http://a:1");
    }

    @Test
    void oneInstanceGetsEveryCall() {
        RoundRobin instance = new RoundRobin(List.of("http://only"));

        assertThat(List.of(instance.next(), instance.next())).containsOnly("http://only");
    }

    @Test
    void callsFromManyThreadsAreSpreadEvenly() throws InterruptedException {
        RoundRobin instances = new RoundRobin(List.of("http://a", "http://b"));
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            threads.execute(() -> calls.computeIfAbsent(instances.next(), url -> new AtomicInteger()).incrementAndGet());
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(calls.get("http://a").get()).isEqualTo(5_000);
        assertThat(calls.get("http://b").get()).isEqualTo(5_000);
    }

    @Test
    void needsAnInstance() {
        assertThatThrownBy(() -> new RoundRobin(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
