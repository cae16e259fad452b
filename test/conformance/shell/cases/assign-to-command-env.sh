x=outer
x=inner sh -c 'echo $x'
echo $x
y=exported sh -c 'echo "[$y]"'
export y; y=now sh -c 'echo "[$y]"'
