#!/usr/bin/env bash
# npm run test:db: the database tests on SQLite, then on PostgreSQL when TEST_DATABASE_URL is set
# (each test file creates and drops its own database beside the one named there).
set -euo pipefail
cd "$(dirname "$0")/.."
node_test() { node --conditions=react-server --import tsx --test --test-concurrency=1 --test-reporter=spec "$@"; }

echo "== database tests on SQLite"
TEST_DB_KIND=sqlite node_test tests/db/*.test.ts
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== database tests on PostgreSQL"
  TEST_DB_KIND=postgresql node_test tests/db/*.test.ts
else
  echo "== database tests on PostgreSQL: skipped (set TEST_DATABASE_URL=postgresql://… to run them)"
fi
