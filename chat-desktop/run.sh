#!/usr/bin/env bash
# Starts the desktop client with its arguments passed on exactly as given, so a value may contain spaces:
#   chat-desktop/run.sh --server http://localhost:3000 --name "Ann Lee" --room lobby --join
# Builds first, quietly, when there is no build yet or a source is newer than it. A bad option prints the app's
# one-line message and exits with 2; --help lists the options.
# Environment: JAVA_HOME (else the java on the PATH); CHAT_DESKTOP_JAVA_OPTS, extra JVM options (split at
# spaces); CHAT_DESKTOP_SKIP_BUILD=1 never builds (the tests, which run inside a build, set it); MAVEN_ARGS,
# passed to every Maven run (e.g. -o to stay offline).
set -euo pipefail
module="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$module")"
# Written by every build of the module (its pom, phase process-classes): the run-time class path. Its date is the
# date of the last build.
classpath_file="$module/target/launcher-classpath.txt"

needs_build() {
  [ -f "$classpath_file" ] && [ -d "$module/target/classes" ] || return 0
  # chat-protocol is the one module the app depends on; the root pom holds the versions.
  [ -n "$(find "$module/src/main" "$module/pom.xml" "$root/chat-protocol/src/main" "$root/chat-protocol/pom.xml" \
    "$root/pom.xml" -newer "$classpath_file" -print -quit)" ]
}

if [ "${CHAT_DESKTOP_SKIP_BUILD:-}" != 1 ] && needs_build; then
  echo "Building the desktop client…" >&2
  (cd "$root" && ./mvnw -q -pl chat-desktop -am package -DskipTests)
fi
if [ ! -f "$classpath_file" ]; then
  echo "run.sh: no build of chat-desktop ($classpath_file is missing)" >&2
  exit 1
fi

# JavaFX goes on the module path, as it expects; its platform jars (javafx-controls-21.0.8-linux.jar) are the
# modules, the ones without a platform in the name are empty and only lead Maven to those.
modules=()
classes=("$module/target/classes")
# The file has no final newline, so read reports end-of-file after reading it all.
IFS=':' read -r -a entries < "$classpath_file" || true
for entry in "${entries[@]}"; do
  case "$(basename "$entry")" in
    javafx-*-[0-9]*-*.jar) modules+=("$entry") ;;
    javafx-*.jar) ;;
    *) classes+=("$entry") ;;
  esac
done

join() {
  local IFS=':'
  echo "$*"
}

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # CHAT_DESKTOP_JAVA_OPTS is a list of options, split at spaces on purpose
exec "$java" ${CHAT_DESKTOP_JAVA_OPTS:-} \
  --module-path "$(join "${modules[@]}")" --add-modules javafx.controls,javafx.fxml \
  -cp "$(join "${classes[@]}")" chat.desktop.app.Launcher "$@"
