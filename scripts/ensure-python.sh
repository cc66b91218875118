# Sourced by test.sh: the audit tests run scripts/verify-export.py, the independent export verifier, with python3
# (standard library only). Installed when missing; if that fails the run stops here rather than skip the check.
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found; installing Debian's python3 package (for the independent export verifier's tests)..." >&2
  apt_install python3 || { echo "Installing python3 failed; the independent export verifier's tests need it." >&2; exit 1; }
  command -v python3 >/dev/null 2>&1 || { echo "python3 is still missing after installing it; install it and retry." >&2; exit 1; }
fi
