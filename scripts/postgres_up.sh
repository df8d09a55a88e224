#!/usr/bin/env bash
# Install (if missing) and start a throwaway PostgreSQL server for the
# integration suite: Debian's postgresql package, one cluster listening on
# 127.0.0.1 only, a role and database named by the env vars below.
# Idempotent: safe to run when the server is already up. Needs root.
set -euo pipefail

PGPORT="${PRODUCT_WAREHOUSE_PG_PORT:-5432}"
PGUSER_NAME="${PRODUCT_WAREHOUSE_PG_USER:-product_warehouse}"
PGPASSWORD_VALUE="${PRODUCT_WAREHOUSE_PG_PASSWORD:-product_warehouse}"
PGDATABASE_NAME="${PRODUCT_WAREHOUSE_PG_DATABASE:-product_warehouse}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgres_up: installing postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "${version}/main"; then
    pg_createcluster "$version" main -p "$PGPORT" >/dev/null
fi
conf_dir="/etc/postgresql/${version}/main/conf.d"
mkdir -p "$conf_dir"
cat > "${conf_dir}/product_warehouse.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${PGPORT}
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
    if su postgres -c "psql -p ${PGPORT} -h 127.0.0.1 -qAtc 'select 1'" >/dev/null 2>&1 \
       || su postgres -c "psql -p ${PGPORT} -qAtc 'select 1'" >/dev/null 2>&1; then
        break
    fi
    sleep 1
done

su postgres -c "psql -p ${PGPORT} -qAt" <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '${PGUSER_NAME}') then
    create role ${PGUSER_NAME} login superuser password '${PGPASSWORD_VALUE}';
  end if;
end \$\$;
SQL
if ! su postgres -c "psql -p ${PGPORT} -qAtc \"select 1 from pg_database where datname = '${PGDATABASE_NAME}'\"" | grep -q 1; then
    su postgres -c "createdb -p ${PGPORT} -O ${PGUSER_NAME} ${PGDATABASE_NAME}"
fi
echo "postgres_up: PostgreSQL ${version} on 127.0.0.1:${PGPORT}, database ${PGDATABASE_NAME}"
