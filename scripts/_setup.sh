# Shared set-up for scripts/demo and scripts/test: sourced, not run.
# Creates .venv (if missing, or made again when it has no working pip; Debian's
# python3-venv is installed first when python3 has no ensurepip), installs argmap with the
# given extras, and installs the Graphviz binary with apt-get when `dot` is not on PATH.
# With the dev extra also Chromium, Node.js and npm (apt-get, when missing) and the tests' pinned
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

# A virtual environment without a working pip (made with --without-pip, interrupted while
# being made, or left with a dangling python after an upgrade) is never usable: make it
# again. Only a folder that is a virtual environment (has pyvenv.cfg) is ever removed.
if [ -e "$VENV" ] && ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    if [ -f "$VENV/pyvenv.cfg" ]; then
        echo "argmap setup: $VENV has no working pip (half-made or broken); making it again" >&2
        rm -rf "$VENV"
    elif [ -n "$(ls -A "$VENV" 2>/dev/null)" ]; then
        echo "argmap setup: $VENV exists but is not a virtual environment; remove it or set ARGMAP_VENV" >&2
        exit 1
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    # `python3 -m venv` needs ensurepip, which Debian ships apart in python3-venv.
    if ! python3 -c "import ensurepip" >/dev/null 2>&1; then
        echo "argmap setup: python3 has no ensurepip (needed by venv); installing python3-venv with apt-get" >&2
        if command -v apt-get >/dev/null 2>&1; then
            need_root apt-get update -qq
            DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq python3-venv >/dev/null
        fi
        if ! python3 -c "import ensurepip" >/dev/null 2>&1; then
            echo "argmap setup: $(command -v python3) still cannot make virtual environments;" \
                "install its venv module (Debian: python3-venv) and run this again" >&2
            exit 1
        fi
    fi
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
