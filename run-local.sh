#!/usr/bin/env bash
# Runs the whole system on this machine: builds the jars, then starts PostgreSQL (the one at
# SPRING_DATASOURCE_URL, default jdbc:postgresql://127.0.0.1:5432/leads, else an embedded one when not root),
# the command side on :8080 and the query side on :8081 with demo users, printed at start. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests package
exec java -jar local-runtime/target/local-runtime-exec.jar
