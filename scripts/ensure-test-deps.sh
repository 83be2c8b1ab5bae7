#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing, and nothing when they are present:
#   chromium            browser (e2e) tests, driven by playwright-core
#   fonts-wqy-microhei  a CJK font, or every Chinese glyph in a screenshot is a box
#   poppler-utils       pdftotext, to read back the Chinese text of generated PDFs
#   postgresql-15       the second database run (the suite runs on PGlite and on PostgreSQL 15)
# Runs `apt-get update` once, and only when something has to be installed. Uses sudo only when not root.
set -euo pipefail

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
{ installed chromium && [[ -x /usr/bin/chromium ]]; } || missing+=(chromium)
installed fonts-wqy-microhei || missing+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql-15)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test dependencies: all present (chromium, fonts-wqy-microhei, poppler-utils, postgresql-15)"
  exit 0
fi

echo "test dependencies: installing ${missing[*]}"
SUDO=()
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "test dependencies: not root and no sudo; install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

# Another apt process (an unattended upgrade, a parallel install) holds the dpkg lock for a while: wait for it.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
"${APT[@]}" update
"${APT[@]}" install -y "${missing[@]}"

# The PostgreSQL package starts a cluster of its own on port 5432 where services can start; the tests never use
# it (scripts/pg15.sh starts a throwaway server), so its presence is harmless and it is left alone.
echo "test dependencies: installed ${missing[*]}"
