echo a >> f; echo b >> f; echo c >f2
{ while read l; do echo $l; done < f; } >> f2
while read l; do echo "$l"; done < f2
