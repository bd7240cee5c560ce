# Sourced by the load scripts: starts "$server_dir"'s server with "${args[@]}", logging to "$work/server.log", waits
# until it answers, and on exit stops it, shows its most frequent exceptions, drops "$database" (PostgreSQL) and
# removes "$work".
dotnet "$server_dir/FormFlow.Server.dll" "${args[@]}" >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null; wait $server 2>/dev/null || true
  grep -oE "[A-Za-z.]+Exception: [^\\\"]{0,120}" "$work/server.log" | sort | uniq -c | sort -rn | head -5 >&2 || true
  if [ -n "$database" ] && command -v psql >/dev/null; then
    # psql takes libpq keywords: the connection string's host, port, user and password, at the maintenance database.
    conninfo=$(node -e 'const map = { host: "host", server: "host", port: "port", username: "user", "user id": "user", password: "password" };
      console.log(process.argv[1].split(";").map(p => p.split("=")).filter(([k, v]) => v && map[k.trim().toLowerCase()])
        .map(([k, v]) => `${map[k.trim().toLowerCase()]}=${v.trim()}`).concat("dbname=postgres").join(" "));' "$connection")
    psql "$conninfo" -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || echo "left database $database behind" >&2
  fi
  rm -rf "$work"
}
trap 'status=$?; cleanup; exit $status' EXIT
for _ in $(seq 1 ${FORMFLOW_LOAD_WAIT:-60}); do curl -sf http://127.0.0.1:$port/health >/dev/null && break; sleep 1; done
