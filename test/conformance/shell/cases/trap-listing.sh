trap "echo hi" INT TERM; trap "" QUIT; trap "echo bye" EXIT
trap
trap - INT
echo ---
trap
