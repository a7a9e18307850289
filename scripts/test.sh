#!/usr/bin/env bash
# npm test: everything. Lint, type check and format check first (fast, so they fail early), then
# unit tests, database tests on SQLite (and on PostgreSQL when TEST_DATABASE_URL is set), CLI tests,
# the gate behind real nginx and Dovecot, a production build, two instances on one PostgreSQL (with
# TEST_DATABASE_URL), then the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

node scripts/prisma-generate.mjs >/dev/null
echo "== lint"
npm run --silent lint
echo "== type check"
npx tsc --noEmit
echo "== format check"
npm run --silent format:check

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "npm test: the end-to-end tests need Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
# Each stage's output also goes to $summary, so the last line can total every runner's counts.
node_test() { node --conditions=react-server --import tsx --test --test-concurrency=1 --test-reporter=spec "$@" | tee -a "$summary"; }

echo "== unit tests"
node_test tests/unit/*.test.ts

bash scripts/test-db.sh | tee -a "$summary"

if compgen -G "tests/cli/*.test.ts" >/dev/null; then
  echo "== CLI tests"
  node_test tests/cli/*.test.ts
fi

echo "== gate integration tests (nginx mail proxy, Dovecot, curl)"
node_test tests/gate/*.test.ts

echo "== build"
npx next build >/tmp/gatehouse-build.log 2>&1 || { cat /tmp/gatehouse-build.log; exit 1; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== two instances on one PostgreSQL (npm start twice)"
  node_test tests/instances/*.test.ts
else
  echo "== two instances on one PostgreSQL: skipped (set TEST_DATABASE_URL=postgresql://… to run it)"
fi

echo "== end-to-end tests (Chromium)"
if ! npx playwright test | tee -a "$summary"; then
  # CI shows only this output and its machine's files are gone afterwards: print what each failed
  # test's page held (Playwright's accessibility snapshot) and the end of the e2e server's log.
  for f in test-results/*/error-context.md; do
    [ -f "$f" ] && { echo "== $f"; head -n 100 "$f"; }
  done
  log=$(node -p 'require("./test-results/e2e-state.json").logFile' 2>/dev/null || true)
  [ -n "$log" ] && [ -f "$log" ] && { echo "== the e2e server's log, last lines"; tail -n 80 "$log"; }
  exit 1
fi

passed=$(awk '/^ℹ pass [0-9]+$/ {n += $3} /^ +[0-9]+ passed/ {n += $1} END {print n + 0}' "$summary")
failed=$(awk '/^ℹ fail [0-9]+$/ {n += $3} /^ +[0-9]+ failed/ {n += $1} END {print n + 0}' "$summary")
echo "$passed passed, $failed failed"
