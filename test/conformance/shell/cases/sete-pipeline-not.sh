set -e
! false | false
echo a
