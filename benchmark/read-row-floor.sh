#!/usr/bin/env bash
# What PostgreSQL alone takes to store the read rows a replay writes most (an imported account: jsonb details, a
# search text under a trigram index, a time index), with no service in between: set-based inserts of 2,500 rows per
# transaction into a scratch database, three ways. It bounds the replay whatever the services do: at 50,000 events/s
# two cores leave 40 us of CPU per event for everything.
#   benchmark/read-row-floor.sh [rows]      (default 300000; PostgreSQL as psql finds it, e.g. PGHOST=127.0.0.1)
set -euo pipefail
rows=${1:-300000}
db=lq_read_row_floor_$$
export PGUSER=${PGUSER:-postgres} PGHOST=${PGHOST:-127.0.0.1}
psql -q -d postgres -c "CREATE DATABASE $db"
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
sql() { PGOPTIONS="-c client_min_messages=warning" psql -q -X -v ON_ERROR_STOP=1 -d "$db" "$@"; }
sql -c "CREATE EXTENSION pg_trgm"

now() { date +%s.%N; }
# fill ROWS: account rows in transactions of 2,500, as a projection batch commits them
fill() {
  sql -c "SET synchronous_commit = off" -c "
    DO \$\$
    BEGIN
      FOR i IN 0..($rows / 2500 - 1) LOOP
        INSERT INTO account_view SELECT gen_random_uuid(),
          jsonb_build_object('name', 'Account ' || g || ' runabcdef', 'email', 'account' || g || '.runabcdef@accounts.example',
                             'phone', '+1 555 0200 ' || g,
                             'address', jsonb_build_object('line1', g || ' Industrial Road', 'city', 'Shelbyville', 'country', 'US')),
          NULL, 'account ' || g || ' runabcdef account' || g || '.runabcdef@accounts.example', now(), 'admin'
        FROM generate_series(i * 2500, i * 2500 + 2499) g;
        COMMIT;
      END LOOP;
    END \$\$"
}
table() {
  sql -c "DROP TABLE IF EXISTS account_view" -c "CREATE TABLE account_view (account_id uuid PRIMARY KEY,
    details jsonb NOT NULL, originating_lead_id uuid, search_text text NOT NULL, created_at timestamptz NOT NULL,
    created_by text)"
}
indexes() {
  sql -c "CREATE INDEX account_view_created_idx ON account_view (created_at DESC, account_id)" \
      -c "CREATE INDEX account_view_search_idx ON account_view USING gin (search_text gin_trgm_ops)"
}
per_row() { echo "$1 $2" | awk -v n="$rows" '{printf "%.1f us/row", ($2 - $1) * 1e6 / n}'; }

table; indexes; a=$(now); fill; b=$(now)
echo "indexes kept up to date (as a replay does today): $(per_row "$a" "$b")"
table; sql -c "CREATE INDEX ON account_view (created_at DESC, account_id)"; a=$(now); fill; b=$(now)
echo "without the trigram index:                        $(per_row "$a" "$b")"
table; a=$(now); fill; b=$(now); indexes; c=$(now)
echo "primary key only, then both indexes built:        $(per_row "$a" "$b") + $(per_row "$b" "$c")"
