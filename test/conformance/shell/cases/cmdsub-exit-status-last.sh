x=$(false; true); echo $?
x=$(true; false); echo $?
