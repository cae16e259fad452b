exec nosuchcmd
echo never
