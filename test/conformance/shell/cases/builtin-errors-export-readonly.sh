readonly r=1
export r=2
echo never
