#!/bin/sh
# Prepare a fresh Debian 12 (Python 3.11) checkout: system libraries, a virtual
# environment in .venv and Clipper installed into it (editable).
#   sh scripts/setup.sh          what the app and `clipper demo` need
#   sh scripts/setup.sh --test   also what the test suite needs
set -eu
cd "$(dirname "$0")/.."

WITH_TESTS=0
[ "${1:-}" = "--test" ] && WITH_TESTS=1

# Qt (offscreen and on a desktop) needs these shared libraries; python3-venv gives
# Debian's python3 the venv module (Debian ships it separately).
PKGS="libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3 \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 \
libxcb-xkb1 libxkbcommon-x11-0"
# The tests start a throwaway PostgreSQL cluster of their own (initdb, pg_ctl): Debian's
# server package, whose system service the tests never use.
[ "$WITH_TESTS" = 1 ] && PKGS="$PKGS poppler-utils postgresql"
python3 -c 'import ensurepip, venv' 2>/dev/null || PKGS="$PKGS python3-venv"

if command -v dpkg-query >/dev/null 2>&1; then
    MISSING=""
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || MISSING="$MISSING $p"
    done
    if [ -n "$MISSING" ]; then
        echo "setup: installing system packages:$MISSING"
        SUDO=""
        [ "$(id -u)" = 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq
        # Installing postgresql must not start its system service (the tests run their own
        # server): without a policy-rc.d, one refusing service starts is in place meanwhile.
        # The refusal is removed on every exit, a failed install included: left behind, it
        # would refuse every service start on the machine.
        POLICY=""
        case " $MISSING " in *" postgresql "*)
            if [ ! -e /usr/sbin/policy-rc.d ]; then
                POLICY=/usr/sbin/policy-rc.d
                trap '$SUDO rm -f "$POLICY"' EXIT
                printf '#!/bin/sh\nexit 101\n' | $SUDO tee $POLICY >/dev/null && $SUDO chmod +x $POLICY
            fi;;
        esac
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $MISSING >/dev/null
        [ -z "$POLICY" ] || { $SUDO rm -f "$POLICY"; trap - EXIT; }
    fi
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    python3 -m venv .venv
fi

EXTRA="[gui]"
[ "$WITH_TESTS" = 1 ] && EXTRA="[gui,test]"
STAMP=".venv/.clipper-installed$EXTRA"
WANT="$(cat pyproject.toml | cksum)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
    echo "setup: installing Clipper and its dependencies into .venv (a few minutes the first time)"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$EXTRA"
    echo "$WANT" > "$STAMP"
fi
