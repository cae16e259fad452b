echo a#b $# ${#} "#" '#'
case x in # comment
x) echo matched ;; # another
esac
for i in 1 # c
do echo $i; done
echo 'x' #; echo no
