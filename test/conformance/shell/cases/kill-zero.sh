kill -0 $$; echo $?
kill -s 0 $$; echo $?
kill -0 999999; echo $?
