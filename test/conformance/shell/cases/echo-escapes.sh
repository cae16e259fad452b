echo 'a\tb' 'c\\d' 'e\nf'
echo 'x\101y\0101z\07w\08q'
echo 'stop\c here'; echo after
echo '\e[0m' '\z' '\' '\E' '\x41'
