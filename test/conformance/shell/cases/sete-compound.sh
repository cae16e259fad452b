set -e
{ false; echo never-group; }
echo never
