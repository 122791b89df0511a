#!/bin/sh
# Installs the Pub/Sub emulator (google-cloud-cli-pubsub-emulator) and the Java 17 it runs on, for
# test/function/pubsub-emulator.test.ts. Does nothing when both are already there. The package
# comes from the Google Cloud CLI apt repository: where apt cannot find it, this fails, and so does
# CI, rather than letting the end-to-end test be skipped. Needs root (or sudo) and apt-get.
set -eu
if command -v gcloud >/dev/null 2>&1 && command -v java >/dev/null 2>&1 \
  && [ -x "$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null)/platform/pubsub-emulator/bin/cloud-pubsub-emulator" ]; then
  echo "Pub/Sub emulator and Java already installed"
  exit 0
fi
sh "$(dirname "$0")/apt-install.sh" openjdk-17-jre-headless google-cloud-cli google-cloud-cli-pubsub-emulator
