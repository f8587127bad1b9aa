#!/usr/bin/env bash
# The benchmark in one command: builds the two services and the benchmark, then measures PostgreSQL's commit
# ceiling and runs scenarios 1-5 against both services, started on a fresh database (PostgreSQL at
# TEST_POSTGRES_URL, default jdbc:postgresql://127.0.0.1:5432/postgres, else an embedded one when not root).
# With --scenario several-instances it runs instead the several-instances scenario (1+1 instances, lead cache on and
# off, then --instances of each side: leads/s, idle latency and transactions, take-over after a SIGKILL).
# Options (sizes default to the issue's): benchmark/run.sh --help. The report: benchmark/target/report/benchmark.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl benchmark -am
exec java -jar benchmark/target/benchmark-exec.jar --home . "$@"
