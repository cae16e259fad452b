if true; then
cat <<E
E
