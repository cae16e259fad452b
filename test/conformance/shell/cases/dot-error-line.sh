printf 'echo a\nnosuch\n' > e.sh
. ./e.sh
echo after
