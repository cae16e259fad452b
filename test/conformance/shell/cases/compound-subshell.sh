x=1
(x=2; echo in $x)
echo out $x
(cd /; pwd); pwd
(exit 3); echo $?
( (echo nested) )
