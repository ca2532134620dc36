#!/usr/bin/env bash
# Installs Debian's OpenJDK 17 runtime for the Spark tests (tests/test_spark.py: pyspark starts a
# JVM), unless a `java` is already on the PATH. pyspark itself comes from the [spark] extra.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  echo "java already installed: $(java -version 2>&1 | head -1)"
  exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install openjdk-17-jre-headless
java -version
