#!/usr/bin/env bash
# Runs the whole system on this machine: builds the jars, then starts PostgreSQL (the one at
# SPRING_DATASOURCE_URL, default jdbc:postgresql://127.0.0.1:5432/leads, else an embedded one when not root),
# the command side on :8080 and the query side on :8081 with demo users, printed at start. Ctrl-C stops all.
# When a RabbitMQ broker answers at SPRING_RABBITMQ_HOST:SPRING_RABBITMQ_PORT (default 127.0.0.1:5672, guest/guest),
# the query side publishes every event to it (exchange lead-qualification.events); LEADS_PUBLISHER_ENABLED=false
# (or true) decides instead.
set -euo pipefail
cd "$(dirname "$0")"
if [[ -z "${LEADS_PUBLISHER_ENABLED:-}" ]]; then
  if timeout 2 bash -c "exec 3<>/dev/tcp/${SPRING_RABBITMQ_HOST:-127.0.0.1}/${SPRING_RABBITMQ_PORT:-5672}" 2>/dev/null; then
    export LEADS_PUBLISHER_ENABLED=true
    echo "RabbitMQ answers at ${SPRING_RABBITMQ_HOST:-127.0.0.1}:${SPRING_RABBITMQ_PORT:-5672}: events are published to its exchange lead-qualification.events."
  else
    export LEADS_PUBLISHER_ENABLED=false
    echo "No RabbitMQ at ${SPRING_RABBITMQ_HOST:-127.0.0.1}:${SPRING_RABBITMQ_PORT:-5672}: events are not published to a broker."
  fi
fi
mvn -B -q -ntp -DskipTests package
exec java -jar local-runtime/target/local-runtime-exec.jar
