a1=x a1b=y _=z
echo $a1 ${a1}b $a1b $_
