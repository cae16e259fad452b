trap 'echo bye; exit 9' EXIT
echo main
