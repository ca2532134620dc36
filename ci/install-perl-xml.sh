#!/usr/bin/env bash
# Installs Debian's libxml-parser-perl (Perl XML::Parser), which the ROUGE-1.5.5 script of the
# Timeline17 benchmark (benchmarks/tls.py, the published protocol) needs, unless it is there.
set -euo pipefail
if perl -MXML::Parser -e 1 2>/dev/null; then
  echo "Perl XML::Parser already installed"
  exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install perl libxml-parser-perl
perl -MXML::Parser -e 'print "XML::Parser $XML::Parser::VERSION\n"'
