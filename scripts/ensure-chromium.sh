# Sourced by test.sh: the audit report test renders report.html and tests/Web.Tests drive the web pages in a
# real browser, Debian's chromium. Installed when missing; if that fails the run stops here rather than skip the check.
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found; installing Debian's chromium package (for the report and web page tests)..." >&2
  apt_install chromium || { echo "Installing chromium failed; the audit report and web page tests need /usr/bin/chromium." >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "chromium is still missing after installing it; install it and retry." >&2; exit 1; }
fi
