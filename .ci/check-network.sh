#!/usr/bin/env bash
# No network from the window (issue [7]): the app opened under Xvfb on the samples, traced with
# strace until it has saved a screenshot and exited. The display server and the desktop bus are
# reached through local (AF_UNIX) sockets; any other address family (AF_INET, AF_INET6,
# AF_NETLINK, ...) fails the check. The CLI's check is tests/network.rs.
# Usage: check-network.sh PARALLAX_BINARY
set -euo pipefail
binary="$1"
dir="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1400x900x24" strace -f -qq -e trace=socket,connect -o "$dir/trace" \
  "$binary" --screenshot "$dir/shot.png" \
  assets/samples/northgate-courier.txt assets/samples/valley-ledger.html \
  assets/samples/riverside-post.md 2>/dev/null
test -s "$dir/shot.png"
families="$(grep -o 'AF_[A-Z0-9]*' "$dir/trace" | sort | uniq -c || true)"
echo "socket families used by the window: ${families:-none}"
if grep -E 'AF_(INET|INET6|NETLINK|PACKET)' "$dir/trace"; then
  echo "the window opened a network socket" >&2
  exit 1
fi
