set -e
if false; then :; fi
echo after-if
while false; do :; done
echo after-while
! true
echo after-not
until true; do :; done
echo end
