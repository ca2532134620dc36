# Sourced by the ci/install-*.sh scripts: apt_install PKG... installs Debian packages as root
# or through sudo, and stops with one line naming what is missing when neither is available.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$(basename "$0"): need root (or sudo) to apt-get install $*" >&2; exit 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "$@"
}
