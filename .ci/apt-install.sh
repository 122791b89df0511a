#!/bin/sh
# Installs Debian packages for CI: apt-get update once, then the packages given, quietly. Needs
# root (or sudo) and apt-get. Usage: sh .ci/apt-install.sh PACKAGE...
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@"
