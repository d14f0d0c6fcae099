# Shared set-up for scripts/demo and scripts/test: sourced, not run.
# Creates .venv (if missing), installs argmap with the given extras, and
# installs the Graphviz binary with apt-get when `dot` is not on PATH. With the dev
# extra also Chromium, Node.js and npm (apt-get, when missing) and the tests' pinned
# Node packages (tests/node, npm ci into $VENV/node).
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
# chromedriver; no browser is ever downloaded. The Mermaid tests run the real Mermaid
# parser on Node.js (Debian's nodejs and npm when there is no node).
case ",$EXTRAS," in
*,dev,*)
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        echo "argmap setup: installing chromium and chromium-driver with apt-get" >&2
        need_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq chromium chromium-driver >/dev/null
    fi
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        echo "argmap setup: installing nodejs and npm with apt-get" >&2
        need_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq nodejs npm >/dev/null
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

# The Node packages of the tests (dev extra only): exactly those pinned in
# tests/node/package-lock.json, installed with `npm ci` into $VENV/node when missing or when
# that lock file changed. Installed beside the folder and moved into place, under a lock,
# so a test never sees half an install. A failed install stops the set-up in CI (CI set);
# elsewhere it is reported and the tests that need it skip.
install_node_packages() {
    local pinned="$ROOT/tests/node" dest="$VENV/node" tmp log
    if [ -d "$dest/node_modules" ] && cmp -s "$pinned/package-lock.json" "$dest/package-lock.json"; then
        return 0
    fi
    echo "argmap setup: installing the Node packages of tests/node/package-lock.json into $dest" >&2
    tmp="$(mktemp -d "$VENV/node.new.XXXXXX")"
    log="$tmp.log"
    cp "$pinned/package.json" "$pinned/package-lock.json" "$tmp/"
    if ! (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
        cat "$log" >&2
        rm -rf "$tmp" "$log"
        echo "argmap setup: npm ci failed; the real-Mermaid-parser tests cannot run" >&2
        return 1
    fi
    rm -f "$log"
    rm -rf "$dest.old"
    { [ ! -e "$dest" ] || mv "$dest" "$dest.old"; } && mv "$tmp" "$dest" && rm -rf "$dest.old"
}

case ",$EXTRAS," in
*,dev,*)
    if ! (flock 9 && install_node_packages) 9>"$VENV/node.lock"; then
        ci="${CI:-}"
        case "${ci,,}" in
        "" | 0 | false | no) ;;
        *)
            echo "argmap setup: CI is set, so the tests must not skip: stopping" >&2
            exit 1
            ;;
        esac
    fi
    ;;
esac
