# Shared set-up for scripts/demo and scripts/test: sourced, not run.
# Creates .venv (if missing), installs argmap with the given extras, and
# installs the Graphviz binary with apt-get when `dot` is not on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ARGMAP_VENV:-$ROOT/.venv}"
EXTRAS="${1:-}"

need_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v dot >/dev/null 2>&1; then
    echo "argmap setup: Graphviz 'dot' not found; installing it with apt-get" >&2
    need_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq graphviz >/dev/null
fi

# The HTML report's browser tests (dev extra only) drive Debian's Chromium through its
# chromedriver; no browser is ever downloaded.
case ",$EXTRAS," in
*,dev,*)
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        echo "argmap setup: installing chromium and chromium-driver with apt-get" >&2
        need_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
    ;;
esac

if [ ! -x "$VENV/bin/python" ]; then
    echo "argmap setup: creating virtual environment in $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi

spec="$ROOT"
[ -n "$EXTRAS" ] && spec="$ROOT[$EXTRAS]"
"$VENV/bin/python" -m pip install -q -e "$spec"
PY="$VENV/bin/python"
export PY ROOT VENV
