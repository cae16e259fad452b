set -o
set +o
