echo before
eval 'if'
echo never
