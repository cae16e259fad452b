echo $# "$?" "$0" "$-"
false; echo $?
(exit 7); echo $?
set -- x y; echo $#
echo ${#-} ${#?}
