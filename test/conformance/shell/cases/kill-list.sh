kill -l | while read s; do printf '%s ' "$s"; done; echo
kill -l 130; kill -l 15; kill -l TERM
