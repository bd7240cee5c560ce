#!/usr/bin/env bash
# Installs the designer's npm dependencies when node_modules is missing or package-lock.json changed since the
# last install (a hash stamp in node_modules). Sourced by run-tests.sh and run-e2e.sh; npm's output goes to stderr.
ensure_node_modules() {
  local stamp=node_modules/.formflow-lock-sha256 lock_hash
  lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
    npm ci --no-audit --no-fund >&2 || return 1
    echo "$lock_hash" > "$stamp"
  fi
}
