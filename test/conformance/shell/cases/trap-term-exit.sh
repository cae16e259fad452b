trap "echo caught; exit 3" TERM
kill $$
echo never
