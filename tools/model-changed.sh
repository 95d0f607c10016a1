#!/usr/bin/env bash
# After changing the EF Core model (an entity, IdpDbContext.OnModelCreating, a package that brings entities):
#   bash tools/model-changed.sh NAME    adds migration NAME for SQLite and PostgreSQL, then regenerates the compiled models
#   bash tools/model-changed.sh         only regenerates the compiled models
# The server starts on the compiled models (Data/CompiledModels), not on OnModelCreating, so they must follow every
# model change; Data/CompiledModelTests fails until they do.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ClinikoIdP.Server
models="$project/Data/CompiledModels"

# The old compiled models go first: they may no longer compile against the changed entities, and EF Core must build
# the model from the code, not find a stale one.
rm -rf "$models/Sqlite" "$models/PostgreSql"

if [[ $# -gt 0 ]]; then
  dotnet ef migrations add "$1" -p "$project" -c IdpDbContext -o Data/Migrations/Sqlite
  dotnet ef migrations add "$1" -p "$project" -c PostgreSqlIdpDbContext -o Data/Migrations/PostgreSql
fi

for provider in Sqlite PostgreSql; do
  context=IdpDbContext
  [[ $provider == PostgreSql ]] && context=PostgreSqlIdpDbContext
  dotnet ef dbcontext optimize -p "$project" -c "$context" \
    -o "Data/CompiledModels/$provider" -n "ClinikoIdP.Server.Data.CompiledModels.$provider"
done
