#!/usr/bin/env bash
# Step of `npm test` beside ensure-chromium.sh: the interoperability tests (test/runtime/interop)
# check the engine's images with Debian's real OCI tools, so install skopeo, umoci and
# oci-image-tool when one is missing (apt-get as root; otherwise say what to install and fail).
set -euo pipefail

missing=()
for tool in skopeo umoci oci-image-tool; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "ensure: installing Debian's ${missing[*]} for the interoperability tests"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    cat >&2 <<MSG
ensure: the interoperability tests need Debian's ${missing[*]}, which is missing.
Install as root, then run npm test again:
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}
MSG
    exit 1
  fi
fi
echo "ensure: $(skopeo --version), umoci $(umoci --version 2>&1 | awk '{print $NF}'), oci-image-tool $(oci-image-tool --version 2>&1 | awk '{print $NF}')"
