x=$(case a in a) echo A;; esac)
echo $x
y=$(echo ')' "(")
echo $y
z=$( # comment )
echo zz)
echo $z
