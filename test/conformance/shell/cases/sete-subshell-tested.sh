set -e
(false; echo inside-continues) || echo after
echo end
