if false; then :; fi; echo $?
if true; then false; fi; echo $?
if (exit 3); then :; else echo $?; fi
x=$(if false; then :; fi); echo $?
