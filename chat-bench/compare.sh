#!/usr/bin/env bash
# Java chat server vs the socket.io reference and a plain ws server, side by side: builds and installs them,
# then runs every scenario on fresh servers pinned to core 0 with the generator on core 1 (see
# docs/performance.md). The cluster scenarios also start a redis-server per run (Debian's redis-server package).
# Usage (from anywhere): chat-bench/compare.sh [--runs 3] [--only fanout-100,joinstorm-1000] [--quick]
#   [--servers java,node,ws]   (also java-memory: the Java server with --store memory; java keeps SQLite)
set -euo pipefail
cd "$(dirname "$0")/.."
# 10,000 clients need 10,000+ descriptors in the generator and in the server.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt 12000 ]; then
  echo "ulimit -n is $(ulimit -n); the connections scenario needs at least 12000" >&2
fi
./mvnw -q -pl chat-server,chat-bench -am package -DskipTests
npm ci --prefix chat-bench/socketio --no-audit --no-fund --loglevel=error
npm ci --prefix chat-bench/ws-reference --no-audit --no-fund --loglevel=error
npm ci --prefix chat-bench/socketio-cluster --no-audit --no-fund --loglevel=error
exec java -cp chat-bench/target/chat-bench.jar chat.bench.compare.CompareMain "$@"
