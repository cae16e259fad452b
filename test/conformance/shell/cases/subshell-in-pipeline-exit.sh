(exit 2) | (exit 3); echo $?
{ (exit 4); } | true; echo $?
