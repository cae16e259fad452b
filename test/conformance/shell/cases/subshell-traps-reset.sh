trap 'echo parent-usr1' USR1
( kill -USR1 $$; echo child-sent )
echo parent-after
(trap) 
