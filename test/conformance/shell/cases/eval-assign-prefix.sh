x=1; x=2 eval 'echo $x'; echo $x
