#!/usr/bin/env bash
# Installs Debian's libxml-parser-perl (Perl XML::Parser), which the ROUGE-1.5.5 script of the
# Timeline17 benchmark (benchmarks/tls.py, the published protocol) needs, unless it is there.
set -euo pipefail
if perl -MXML::Parser -e 1 2>/dev/null; then
  echo "Perl XML::Parser already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-perl-xml: need root (or sudo) to apt-get install libxml-parser-perl" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends perl libxml-parser-perl
perl -MXML::Parser -e 'print "XML::Parser $XML::Parser::VERSION\n"'
