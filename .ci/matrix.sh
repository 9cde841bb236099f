#!/usr/bin/env bash
# QGIS test matrix: run this checkout's `make test` (or other targets) inside a cached Debian 13
# (trixie) root, as a fresh Debian 13 host would. Called by `make matrix`; run as root.
#
#   .ci/matrix.sh [make target or VAR=value ...]      default: test
#
# Environment:
#   DEBS           the Debian packages (the Makefile's list; required)
#   MATRIX_QGIS    3.44 (default: QGIS LTR from trixie-backports) or 3.40 (trixie's own QGIS)
#   MATRIX_ROOT    the cached root (default /var/cache/besecure/trixie-qgis, -3.40 for 3.40)
#   MATRIX_MIRROR  Debian mirror (default: the one in the host's apt sources, else deb.debian.org)
#   PYTEST_ARGS    passed on to `make test` in the root
#
# The root is built once with debootstrap into ROOT.partial, renamed when complete, and kept outside
# the repository; a stamp holding the hash of the package list makes later runs reuse it (a changed
# list only installs what is new). The checkout is bind-mounted at its own path with ../shared
# beside it; the root has its own venv and .build, so the host's are never touched. Each run
# happens in private mount and PID namespaces: the mounts and processes vanish with the run however
# it ends (and a trap unmounts them on the way out).
set -euo pipefail

MATRIX_QGIS=${MATRIX_QGIS:-3.44}
case $MATRIX_QGIS in
  3.44) RELEASE=trixie-backports; ROOT=${MATRIX_ROOT:-/var/cache/besecure/trixie-qgis} ;;
  3.40) RELEASE=trixie; ROOT=${MATRIX_ROOT:-/var/cache/besecure/trixie-qgis-3.40} ;;
  *) echo "matrix: MATRIX_QGIS is 3.44 or 3.40, not $MATRIX_QGIS" >&2; exit 2 ;;
esac
SUITE=trixie
CHECKOUT=$(cd "$(dirname "$0")/.." && pwd -P)
SHARED=$(cd "$CHECKOUT/.." && pwd -P)/shared
VENV=/opt/besecure-venv                                   # inside the root
BUILD=/var/lib/besecure/build$(echo "$CHECKOUT" | tr / _)  # inside the root, one per checkout
# Bump when the way the root is built changes (sources, options): the stamp then no longer matches.
BUILD_REV=1

log() { printf '[matrix %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

in_root() {  # a command in the root with a clean environment
  chroot "$ROOT_DIR" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

host_mirror() {  # the host's Debian mirror, so the root is fetched from where the host's packages come
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
          2>/dev/null | grep -vE '^[[:space:]]*#' \
        | grep -oE 'https?://[^[:space:]]+/debian/?([[:space:]]|$)' | head -n1 | tr -d '[:space:]' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

install_debs() {
  cp -L /etc/resolv.conf "$ROOT_DIR/etc/resolv.conf"
  in_root apt-get update -qq
  # shellcheck disable=SC2086  # DEBS is a word list
  in_root apt-get install -y -qq --no-install-recommends -t "$RELEASE" $DEBS make
  in_root apt-get clean
}

build_root() {
  ROOT_DIR=$ROOT.partial
  rm -rf "$ROOT_DIR"
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
  fi
  log "debootstrap $SUITE from $MIRROR into $ROOT_DIR"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOT_DIR" "$MIRROR" >&2
  rm -f "$ROOT_DIR/etc/apt/sources.list"
  cat > "$ROOT_DIR/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates $SUITE-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${MIRROR%/debian}/debian-security
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # No daemon may start inside the root while packages are installed.
  printf '#!/bin/sh\nexit 101\n' > "$ROOT_DIR/usr/sbin/policy-rc.d"
  chmod +x "$ROOT_DIR/usr/sbin/policy-rc.d"
  log "apt-get install -t $RELEASE: QGIS and the Python stack"
  install_debs
  mv "$ROOT_DIR" "$ROOT"
  ROOT_DIR=$ROOT
}

ensure_root() {
  local mirror stamp_hash stamp=$ROOT/.besecure-stamp
  mirror=${MATRIX_MIRROR:-$(host_mirror)}
  MIRROR=${mirror%/}
  # shellcheck disable=SC2086
  stamp_hash=$( (printf '%s\n' "$BUILD_REV" "$RELEASE" "$MIRROR"; printf '%s\n' $DEBS | sort -u) \
                | sha256sum | cut -c1-16)
  ROOT_DIR=$ROOT
  mkdir -p "$(dirname "$ROOT")"
  exec 9>"$ROOT.lock"
  flock 9  # one build at a time; checkouts side by side then share the root
  if [ ! -d "$ROOT" ]; then
    build_root
  elif [ "$(cat "$stamp" 2>/dev/null)" != "$stamp_hash" ]; then
    log "package list changed: installing into $ROOT"
    install_debs
  else
    log "reusing $ROOT"
  fi
  echo "$stamp_hash" > "$stamp"
  exec 9>&-
}

run_in_root() {  # in the private mount namespace
  ROOT_DIR=$ROOT
  mkdir -p "$ROOT$CHECKOUT" "$ROOT$SHARED" "$ROOT$BUILD" "$CHECKOUT/.build"
  trap 'umount -R "$ROOT$CHECKOUT" "$ROOT$SHARED" "$ROOT/proc" "$ROOT/dev" "$ROOT/etc/ssl/certs" 2>/dev/null || true' EXIT
  mount --bind "$CHECKOUT" "$ROOT$CHECKOUT"
  # The checkout's .build holds the host's stamps and plugin link: the root gets its own.
  mount --bind "$ROOT$BUILD" "$ROOT$CHECKOUT/.build"
  # Read-write as on the host: SQLite cannot open a WAL GeoPackage in a read-only folder.
  if [ -d "$SHARED" ]; then mount --bind "$SHARED" "$ROOT$SHARED"; fi
  mount -t proc proc "$ROOT/proc"
  mount --rbind /dev "$ROOT/dev"
  # pip inside the root trusts what the host trusts (a CI proxy's CA included).
  mount --bind -o ro /etc/ssl/certs "$ROOT/etc/ssl/certs"
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  log "make $* in $CHECKOUT, QGIS $(in_root dpkg-query -W -f '${Version}' qgis)"
  local pass=() var
  for var in CI TERM PYTEST_ARGS PIP_INDEX_URL http_proxy https_proxy no_proxy; do
    if [ -n "${!var:-}" ]; then pass+=("$var=${!var}"); fi
  done
  # This shell is PID 1 of the namespace: it gets INT/TERM/HUP only through a trap, and only while
  # waiting (not during a foreground child), hence the background job; its death ends the namespace.
  trap 'exit 130' INT TERM HUP
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    "${pass[@]}" make -C "$CHECKOUT" VENV="$VENV" "$@" &
  wait $!
}

main() {
  if [ "${1:-}" = --in-namespace ]; then
    shift
    run_in_root "$@"
    return
  fi
  : "${DEBS:?DEBS (the Debian packages) comes from the Makefile: run make matrix}"
  if [ "$(id -u)" != 0 ]; then
    echo "matrix: run as root (debootstrap, chroot and mounts need it)" >&2
    return 1
  fi
  [ $# -gt 0 ] || set -- test
  ensure_root
  # Private mount and PID namespaces: when this process ends, however it ends, every process in
  # the root is killed and nothing mounted for it outlives them.
  exec unshare --mount --propagation private --pid --fork --kill-child "$0" --in-namespace "$@"
}

# One command, so that bash has read the whole file before running any of it.
main "$@"; exit
