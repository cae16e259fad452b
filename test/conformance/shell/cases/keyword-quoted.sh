'if' true 2>/dev/null; echo $?
"for" 2>/dev/null; echo $?
\while 2>/dev/null; echo $?
