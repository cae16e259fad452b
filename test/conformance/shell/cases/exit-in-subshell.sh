(exit 6); echo $?; x=$(exit 7); echo $?
