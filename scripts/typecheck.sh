#!/usr/bin/env bash
# Type-check each layer with its own tsconfig: a layer sees only the types its rule allows
# (renderer: DOM, no Node; shared: neither), so a wrong platform import fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for cfg in shared server server/widget/client electron/services electron/main electron/preload renderer admin test; do
  if ! npx tsc -p "$cfg/tsconfig.json"; then echo "typecheck failed: $cfg"; status=1; fi
done
exit $status
