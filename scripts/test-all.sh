#!/usr/bin/env bash
# `npm test`: every check and every test, in this order, each stage run even when an earlier one failed:
#   1 test dependencies (Debian packages, installed only when missing)   6 start PostgreSQL 15 (scripts/pg15.sh)
#   2 type check (tsc)                                                    7 integration tests on PostgreSQL 15
#   3 lint (biome)                                                        8 web build
#   4 unit tests                                                          9 browser (e2e) tests
#   5 integration tests on PGlite
# Exits non-zero when anything failed. The last line is the total in the form `N passed, N failed`, where a
# failed check (type check, lint, build) or a test file that could not run counts as one failure.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export TZ="${TZ:-UTC}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tzxm-test-all.XXXXXX")"
PG15_DIR=""
cleanup() {
  if [[ -n "$PG15_DIR" ]]; then
    bash "$ROOT/scripts/pg15.sh" stop "$PG15_DIR" || true
    PG15_DIR=""
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
STAGE_LINES=()
RUN_STARTED=$SECONDS
STAGE_NO=0
STAGE_COUNT=9
STAGE_STARTED=0

header() {
  STAGE_NO=$((STAGE_NO + 1))
  STAGE_STARTED=$SECONDS
  echo
  echo "════════════════════════════════════════════════════════════════════════════════"
  echo "  [$STAGE_NO/$STAGE_COUNT] $1"
  echo "════════════════════════════════════════════════════════════════════════════════"
}

# record NAME STATUS DETAIL
record() {
  local seconds=$((SECONDS - STAGE_STARTED))
  STAGE_LINES+=("$(printf '%-36s %-6s %5ss  %s' "$1" "$2" "$seconds" "$3")")
  echo "── $1: $2 (${seconds}s) $3"
}

# A check that is not a test runner: it passes or fails as a whole.
check() {
  local name="$1"
  shift
  header "$name"
  local code=0
  "$@" || code=$?
  if [[ $code -eq 0 ]]; then
    record "$name" "ok" ""
  else
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    record "$name" "FAILED" "(exit code $code)"
  fi
}

# vitest NAME REPORT_NAME [vitest args…]: runs Vitest and adds its counts from the JSON report.
vitest_stage() {
  local name="$1" report="$WORK/$2.json"
  shift 2
  header "$name"
  local code=0
  # A hang (an unclosed handle, a stuck browser) ends the stage after 15 minutes instead of eating CI's time.
  timeout --kill-after=30 900 npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report" || code=$?
  local counts
  if [[ -f "$report" ]]; then
    # passed failed skipped files — a file that failed without a failed test (an import error, a failing
    # beforeAll) counts as one failure of its own.
    counts="$(node -e '
      const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
      const brokenFiles = r.testResults.filter(
        (f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"),
      ).length;
      console.log([r.numPassedTests, r.numFailedTests + brokenFiles, r.numPendingTests + r.numTodoTests,
        r.testResults.length].join(" "));
    ' "$report")" || counts="0 1 0 0"
  else
    counts="0 0 0 0"
  fi
  local passed failed skipped files
  read -r passed failed skipped files <<<"$counts"
  # Vitest failed but no test did (a global setup error, an unhandled error, no test files): one failure.
  if [[ $code -ne 0 && $failed -eq 0 ]]; then failed=1; fi
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
  local status="ok"
  [[ $code -ne 0 ]] && status="FAILED"
  record "$name" "$status" "$files files: $passed passed, $failed failed, $skipped skipped"
}

check "test dependencies" bash scripts/ensure-test-deps.sh
check "type check (tsc)" npm run --silent typecheck
check "lint (biome)" npx biome check .

vitest_stage "unit tests" unit --project unit --passWithNoTests
TEST_DB=pglite vitest_stage "integration tests on PGlite" integration-pglite --project integration

header "start PostgreSQL 15"
if PG15_ENV="$(bash scripts/pg15.sh start)"; then
  eval "$PG15_ENV"
  record "start PostgreSQL 15" "ok" "$TEST_DATABASE_URL"
  TEST_DB=postgres vitest_stage "integration tests on PostgreSQL 15" integration-postgres --project integration
  bash scripts/pg15.sh stop "$PG15_DIR" || true
  PG15_DIR=""
  unset TEST_DATABASE_URL
else
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
  record "start PostgreSQL 15" "FAILED" "integration tests on PostgreSQL 15 not run"
  STAGE_NO=$((STAGE_NO + 1))
fi

header "web build"
if npm run --silent build -w @tzxm/web; then
  record "web build" "ok" ""
  vitest_stage "browser (e2e) tests" e2e --project e2e --passWithNoTests
else
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
  record "web build" "FAILED" "browser (e2e) tests not run"
fi

echo
echo "════════════════════════════════════════════════════════════════════════════════"
echo "  summary ($((SECONDS - RUN_STARTED))s)"
echo "════════════════════════════════════════════════════════════════════════════════"
printf '%s\n' "${STAGE_LINES[@]}"
echo
if [[ $TOTAL_SKIPPED -gt 0 ]]; then
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
else
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
fi
[[ $TOTAL_FAILED -eq 0 ]]
