: > g1; : > g2
x=g*; echo "$x"
case g1 in g*) echo casematch;; esac
echo "$x" $x
