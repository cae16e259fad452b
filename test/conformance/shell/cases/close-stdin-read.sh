read x <&-; echo $?
