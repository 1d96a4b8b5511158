#!/usr/bin/env bash
# The API against its own contract, with tools nobody on the project wrote (`make api-check`):
#  1. BASE_URL/api/openapi.json must be a valid OpenAPI 3.1 document (PyPI's openapi-spec-validator;
#     a $ref to a schema that does not exist is an error);
#  2. schemathesis, driven by that document, sends valid and invalid requests, sequences along its
#     response links included, and checks every answer against it (schemathesis.toml: all checks,
#     all phases, bounded to a few minutes); any failure, 5xx or unresolvable reference fails.
# Usage: scripts/api-contract.sh BASE_URL   (the tools come from `scripts/ensure-tools.sh test`)
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:?usage: scripts/api-contract.sh BASE_URL}
base=${base%/}
venv=.venv-tools
if [ ! -x "$venv/bin/schemathesis" ] || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  echo "schemathesis or openapi-spec-validator missing: run scripts/ensure-tools.sh test" >&2
  exit 1
fi

doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
curl -sSf "$base/api/openapi.json" -o "$doc"

echo "== openapi-spec-validator (OpenAPI 3.1): $base/api/openapi.json"
start=$SECONDS
status=0
# Its messages end in a dump of the whole document: cut that off.
"$venv/bin/openapi-spec-validator" --schema 3.1 --validation-errors all "$doc" 2>&1 \
  | sed -E "s| within \{'openapi'.*$| (in the document)|; s|^$doc: ||" || status=1
echo "   ($((SECONDS - start)) s)"

echo "== schemathesis $("$venv/bin/schemathesis" --version | awk '{ print $NF }') against $base"
start=$SECONDS
# Only the document's own operations, served from BASE_URL whatever its `servers` say.
"$venv/bin/schemathesis" --config-file schemathesis.toml run "$base/api/openapi.json" --url "$base" \
  --no-color "${@:2}" || status=1
echo "   ($((SECONDS - start)) s)"

exit $status
