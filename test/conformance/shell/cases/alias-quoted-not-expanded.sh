alias q='echo aliased'
'q' 2>/dev/null; echo $?
\q 2>/dev/null; echo $?
q
