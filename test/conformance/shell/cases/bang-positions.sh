! true; echo $?
true && ! false; echo $?
! true || echo or
{ ! false; }; echo $?
if ! false; then echo negated; fi
