set -e
{ false; true; } && echo "andlist"
echo end
