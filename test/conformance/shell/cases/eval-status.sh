eval false; echo $?
eval 'exit 3'; echo never
