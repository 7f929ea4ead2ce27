#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL server for the tests, then exports the admin connection
# string the tests read (CHATOPSBOT_TEST_POSTGRES). Source it: `. .ci/postgres.sh`. Needs root (CI runs as root).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q .; then pg_createcluster "$version" main >/dev/null; fi
cluster=$(pg_lsclusters -h | head -n 1 | awk '{print $1" "$2}')
pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chatopsbot_test') THEN
    CREATE ROLE chatopsbot_test LOGIN SUPERUSER PASSWORD 'chatopsbot_test';
  END IF; END \$\$;" >/dev/null
export CHATOPSBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$(pg_lsclusters -h | head -n 1 | awk '{print $3}');Username=chatopsbot_test;Password=chatopsbot_test;Database=postgres"
export CHATOPSBOT_REQUIRE_POSTGRES=1
echo "PostgreSQL $version ready: ${CHATOPSBOT_TEST_POSTGRES%%Password=*}..."
