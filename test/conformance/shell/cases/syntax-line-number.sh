echo one
# comment line

echo three
echo four )
