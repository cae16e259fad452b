trap "echo x" FOO; echo $?
trap "echo y" 0; trap 1 2; trap
echo end
