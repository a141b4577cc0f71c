#!/usr/bin/env bash
# Checks a built RoomChat app image the way a user would run it: starts a chat server, starts the image's own
# launcher on a virtual display (Xvfb) with --join, and waits until the server's GET /api/rooms shows the
# room with one person in it. Fails (exit 1, with the logs) when anything is missing or the join does not come;
# it never skips.
#   check-image.sh IMAGE_DIR SERVER_JAR [JAVA]
# IMAGE_DIR is chat-desktop/target/dist/RoomChat, SERVER_JAR chat-server/target/chat-server.jar, JAVA the java
# that runs the server (default: JAVA_HOME's, else the PATH's). The image itself is started without JAVA_HOME
# and with a PATH of /usr/bin:/bin only: it must bring its own runtime. Run by the package profile at verify.
set -euo pipefail

usage="usage: check-image.sh IMAGE_DIR SERVER_JAR [JAVA]"
# Absolute, as the server runs in a directory of its own.
image="$(realpath -m "${1:?$usage}")"
server_jar="$(realpath -m "${2:?$usage}")"
java="${3:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
room="packaged-check"
# JVM start, JavaFX start and the join on a busy 2-core CI machine: generous, but bounded.
server_timeout=30
join_timeout=90

fail() {
  echo "check-image: $*" >&2
  exit 1
}

# Where everything this check writes goes; removed on exit, with whatever it started still running stopped.
work="$(mktemp -d "${TMPDIR:-/tmp}/roomchat-check.XXXXXX")"
server_pid=""
xvfb_pid=""
app_pid=""

stop() { # stop PID: TERM, up to 10 s, then KILL; only a process this script started
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null || return 0
  kill -TERM "$pid" 2> /dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2> /dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2> /dev/null || true
}

cleanup() {
  stop "$app_pid"
  stop "$xvfb_pid"
  stop "$server_pid"
  rm -rf "$work"
}
trap cleanup EXIT

show_logs() {
  for log in server app; do
    echo "---- $log log ----" >&2
    cat "$work/$log.log" >&2 2> /dev/null || true
  done
}

# --- what the check needs ---
launcher="$image/bin/RoomChat"
[ -x "$launcher" ] || fail "no launcher at $launcher (build the image: ./mvnw -pl chat-desktop -am -Ppackage package)"
[ -f "$image/lib/RoomChat.png" ] || fail "the image has no icon ($image/lib/RoomChat.png)"
[ -f "$image/lib/runtime/lib/libglass.so" ] || fail "the image's runtime has no JavaFX native libraries"
[ -f "$server_jar" ] || fail "no server jar at $server_jar (build it: ./mvnw -pl chat-server -am package)"
command -v Xvfb > /dev/null || fail "Xvfb is missing (apt-get install xvfb)"
command -v curl > /dev/null || fail "curl is missing (apt-get install curl)"

# --- a server on free ports, history in memory ---
(cd "$work" && exec "$java" -jar "$server_jar" --port 0 --store memory > "$work/server.log" 2>&1) &
server_pid=$!
url=""
for _ in $(seq $((server_timeout * 10))); do
  kill -0 "$server_pid" 2> /dev/null || { show_logs; fail "the server stopped at start-up"; }
  # The start-up line names the pages' address: "... pages on http://localhost:40109/ ..."
  url="$(grep -o -m1 'http://[^ ]*:[0-9]*' "$work/server.log" || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { show_logs; fail "the server did not say its address within ${server_timeout}s"; }

# --- a virtual screen ---
# Started here rather than through xvfb-run so both it and the app are this script's own children, stopped by
# their pids. -displayfd picks a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3> "$work/display" > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
display=""
for _ in $(seq $((server_timeout * 10))); do
  kill -0 "$xvfb_pid" 2> /dev/null || { cat "$work/xvfb.log" >&2; fail "Xvfb stopped at start-up"; }
  display="$(tr -d '[:space:]' < "$work/display")"
  [ -n "$display" ] && break
  sleep 0.1
done
[ -n "$display" ] || fail "Xvfb did not open a display within ${server_timeout}s"

# --- the image, joining at once ---
# Its preferences and user directory go to the work directory, so the check neither reads nor overwrites the
# real ones (java.util.prefs and JavaFX go by user.home, which is not $HOME).
mkdir -p "$work/home"
env -u JAVA_HOME PATH=/usr/bin:/bin DISPLAY=":$display" \
  JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs" \
  "$launcher" --server "$url" --name "Packaged Check" --room "$room" --join > "$work/app.log" 2>&1 &
app_pid=$!

joined=""
started=$SECONDS
while [ $((SECONDS - started)) -lt "$join_timeout" ]; do
  kill -0 "$app_pid" 2> /dev/null || { show_logs; fail "the app stopped before it joined"; }
  rooms="$(curl -fsS --max-time 5 "$url/api/rooms" || true)"
  case "$rooms" in
    *"\"name\":\"$room\",\"users\":1"*) joined=yes && break ;;
  esac
  sleep 0.5
done
[ -n "$joined" ] || { show_logs; fail "the app did not join $room within ${join_timeout}s (rooms: ${rooms:-none})"; }

# The native libraries came from the image's runtime, not unpacked into the user's directory.
[ ! -e "$work/home/.openjfx" ] || fail "JavaFX unpacked its native libraries into ~/.openjfx: the runtime lacks them"

echo "check-image: $launcher joined $room on $url in $((SECONDS - started))s"
