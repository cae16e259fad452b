true | false; echo $?
false | true; echo $?
! true | false; echo $?
! false; echo $?
! true; echo $?
