#!/usr/bin/env bash
# End-to-end test of the WordPress plugin on a real WordPress: Debian's wordpress package,
# a private MariaDB server and PHP's built-in web server, all on this machine, offline.
#   integrations/wordpress/test.sh
# Installs what is missing (apt, as root), lints the PHP, builds the plugin zip from
# $EIW_DIST (default: the repository's dist/), installs WordPress in $EIW_WP_WORK (default
# /tmp/eiw-wordpress-test, wiped first), installs and activates the plugin from the zip,
# creates the test posts, runs tests/wordpress/ in Chromium, and stops what it started.
# Set EIW_ZIP to test an existing zip instead of building one.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export EIW_DIST="${EIW_DIST:-$repo/dist}"
work="${EIW_WP_WORK:-/tmp/eiw-wordpress-test}"
case "$work" in /tmp/?*|/var/tmp/?*) ;; *) echo "EIW_WP_WORK must be a folder under /tmp (it is wiped)" >&2; exit 1 ;; esac
wp="$work/wordpress"
sock="$work/mysqld.sock"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- What is missing -------------------------------------------------------------------
need=()
command -v php >/dev/null || need+=(php-cli)
{ command -v php >/dev/null && php -m | grep -qx mysqli; } || need+=(php-mysql)
command -v mariadbd >/dev/null || need+=(mariadb-server)
[ -f /usr/share/wordpress/wp-settings.php ] || need+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] || need+=(wordpress-theme-twentytwentyone)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || need+=(wordpress-theme-twentytwentythree)
command -v zip >/dev/null || need+=(zip)
command -v phpcs >/dev/null || need+=(php-codesniffer)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pgrep >/dev/null || need+=(procps)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "test.sh needs: ${need[*]} (sudo apt-get install --no-install-recommends ${need[*]})" >&2
    exit 1
  fi
  say "installing ${need[*]} (apt)"
  # The packages' own services (Apache, which wordpress depends on, and MariaDB) are not
  # started: this test runs its own MariaDB and PHP's web server, and leaves none behind.
  added_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    added_policy=1
  fi
  status=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } || status=$?
  [ -z "$added_policy" ] || rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || exit "$status"
fi
command -v node >/dev/null || { echo "test.sh needs Node.js 20+ and npm" >&2; exit 1; }
if [ ! -d "$repo/node_modules/playwright-core" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$repo" && npm ci --no-audit --no-fund)
fi

# --- Lint -------------------------------------------------------------------------------
say "php -l on every PHP file"
find "$here" "$repo/tests/wordpress" -name '*.php' -print0 | xargs -0 -n1 php -l >/dev/null
say "phpcs (WordPress-style rules available offline: $here/phpcs.xml)"
phpcs --standard="$here/phpcs.xml" "$here/plugin"

# --- A clean start (also after an interrupted run) --------------------------------------
# The servers run in their own process groups (setsid), so stopping a group also stops
# PHP's worker processes.
stop() {
  local pidfile pid
  for pidfile in "$work/php.pid" "$work/mysqld.pid"; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    # Only a group whose processes are ours (their command lines name $work).
    if pgrep -g "$pid" -f -- "$work" >/dev/null; then
      kill -- "-$pid" 2>/dev/null || true
      # Wait until every process of the group has exited (MariaDB flushes its files first).
      while kill -0 -- "-$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$pidfile"
  done
}
# Polls `command…` until it succeeds (60 s at most), failing at once if the server exited.
wait_until() {
  local what="$1" pidfile="$2" log="$3"
  shift 3
  for _ in $(seq 600); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { echo "$what exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$what did not start within 60 s:" >&2
  cat "$log" >&2
  exit 1
}
stop
trap stop EXIT
rm -rf "$work"
mkdir -p "$work"

# --- The plugin zip ---------------------------------------------------------------------
if [ -n "${EIW_ZIP:-}" ]; then
  zip="$EIW_ZIP"
else
  say "building the plugin zip from $EIW_DIST"
  zip="$("$here/build.sh" "$work/release")"
fi

# --- MariaDB: a private server on a socket, no network ----------------------------------
say "starting MariaDB in $work/db"
mariadb-install-db --no-defaults --user=root --datadir="$work/db" --auth-root-authentication-method=socket \
  --skip-test-db >"$work/mariadb-install.log" 2>&1
setsid mariadbd --no-defaults --user=root --datadir="$work/db" --socket="$sock" --skip-networking \
  --pid-file="$work/mysqld.pid.mariadb" --log-error="$work/mariadb.log" 2>>"$work/mariadb.log" &
echo $! > "$work/mysqld.pid"
wait_until MariaDB "$work/mysqld.pid" "$work/mariadb.log" mariadb-admin --no-defaults --socket="$sock" -uroot ping
mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE wordpress;
  CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# --- WordPress: Debian's files, our own configuration -----------------------------------
say "installing WordPress $(dpkg-query -W -f='${Version}' wordpress) in $wp"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
url="http://127.0.0.1:$port"
# -L: Debian links some libraries into WordPress with relative links.
cp -RL /usr/share/wordpress "$wp"
cat > "$wp/wp-config.php" <<EOF
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', 'localhost:$sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'AUTH_KEY', 'eiw-test' );
define( 'SECURE_AUTH_KEY', 'eiw-test' );
define( 'LOGGED_IN_KEY', 'eiw-test' );
define( 'NONCE_KEY', 'eiw-test' );
define( 'AUTH_SALT', 'eiw-test' );
define( 'SECURE_AUTH_SALT', 'eiw-test' );
define( 'LOGGED_IN_SALT', 'eiw-test' );
define( 'NONCE_SALT', 'eiw-test' );
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$work/debug.log' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'FS_METHOD', 'direct' );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
EOF
mkdir -p "$wp/wp-content/mu-plugins" "$wp/wp-content/upgrade"
cp "$repo/tests/wordpress/switches.php" "$wp/wp-content/mu-plugins/"
cp "$zip" "$work/plugin.zip"
say "installing and activating the plugin from $(basename "$zip")"
php "$repo/tests/wordpress/setup.php" install "$wp" "$work/plugin.zip"
php "$repo/tests/wordpress/setup.php" posts "$wp" > "$work/posts.json"

# --- PHP's web server -------------------------------------------------------------------
say "serving WordPress at $url"
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$port" -t "$wp" "$repo/tests/wordpress/router.php" \
  >"$work/php-server.log" 2>&1 &
echo $! > "$work/php.pid"
wait_until "PHP's web server" "$work/php.pid" "$work/php-server.log" \
  node -e "fetch('$url/wp-login.php').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# --- Chromium ---------------------------------------------------------------------------
say "Chromium tests (tests/wordpress/)"
EIW_WP_URL="$url" EIW_WP_POSTS="$work/posts.json" EIW_WP_DEBUG_LOG="$work/debug.log" \
  node --test --test-concurrency=1 --test-timeout=180000 "$repo/tests/wordpress/"
