x='a  b'
eval "echo $x"
eval "echo \"$x\""
eval 'echo "$x"'
eval "y='it'\''s'"; echo "$y" 
