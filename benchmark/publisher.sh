#!/usr/bin/env bash
# The broker publisher's benchmark: both services on a fresh database, the query side publishing to a fresh virtual
# host of the local RabbitMQ (TEST_RABBITMQ_HOST, default 127.0.0.1:5672, guest/guest; made with rabbitmqctl);
# measures the publisher's events/s with confirms beside a plain client loop's messages/s for the same messages, and
# the idle latency from an event to a subscriber. Options as benchmark/run.sh's: --accounts (events, default 20000
# here), --latency-samples (default 200), --service-heap, --output. Report: benchmark/target/report/publisher.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl benchmark -am
exec java -Dloader.main=dev.leadqualification.benchmark.publisher.PublisherBenchmark \
  -cp benchmark/target/benchmark-exec.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --home . --accounts 20000 "$@"
