echo $(( 08 ))
echo never
