trap 'echo no' EXIT
trap - EXIT
echo end
