#!/usr/bin/env bash
# Creates the role `accelerator` and the databases `accelerator` (the app's postgres profile) and
# `accelerator_test` (dropped and recreated; the *IT tests also do that themselves, support/TestPostgres).
# Needs a superuser connection: PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:5432, postgres).
set -euo pipefail
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
psql -v ON_ERROR_STOP=1 -q -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'accelerator') THEN
    CREATE ROLE accelerator LOGIN PASSWORD 'accelerator';
  END IF;
END $$;
SQL
if ! psql -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'accelerator'" | grep -q 1; then
  psql -q -d postgres -c "CREATE DATABASE accelerator OWNER accelerator"
fi
psql -q -d postgres -c "DROP DATABASE IF EXISTS accelerator_test WITH (FORCE)"
psql -q -d postgres -c "CREATE DATABASE accelerator_test OWNER accelerator"
echo "PostgreSQL databases accelerator and accelerator_test ready (role accelerator)"
