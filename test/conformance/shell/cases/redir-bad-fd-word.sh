echo a >&foo
echo never
