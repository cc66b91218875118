# Sourced by test.sh: the audit report test renders report.html and tests/Web.Tests drive the web pages in a
# real browser, Debian's chromium. Installed when missing; if that fails the run stops here rather than skip the check.
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found; installing Debian's chromium package (for the report and web page tests)..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "Installing chromium failed; the audit report and web page tests need /usr/bin/chromium." >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "chromium is still missing after installing it; install it and retry." >&2; exit 1; }
fi
