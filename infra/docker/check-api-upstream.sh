#!/bin/sh
# Runs before nginx starts (docker-entrypoint.d): the SPA container needs the API's address.
# API_UPSTREAM is scheme, host and optional port, no path: http://nested-api:80
set -eu
upstream="${API_UPSTREAM:-}"
case "$upstream" in
  http://?* | https://?*) ;;
  *)
    echo "API_UPSTREAM must be the API's address like http://nested-api:80, got '${upstream}'" >&2
    exit 1
    ;;
esac
rest="${upstream#*://}"
case "$rest" in
  */*)
    echo "API_UPSTREAM must have no path (nginx passes /shop/graphql on as it is), got '${upstream}'" >&2
    exit 1
    ;;
esac
case "${APP:-}" in
  shop | admin) ;;
  *)
    echo "APP must be shop or admin, got '${APP:-}'" >&2
    exit 1
    ;;
esac
