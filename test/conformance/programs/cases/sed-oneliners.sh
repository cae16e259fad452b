printf 'one two  \nthree\n\n\nfour   five\n  six\n\nseven\n' > f
sed G f
sed -n '$!{h;d};x;G;p' f | head -3
sed '=' f | sed 'N;s/\n/\t/'
sed 's/^[ \t]*//;s/[ \t]*$//' f
sed -e :a -e 's/^.\{1,10\}$/ &/;ta' f
sed '/^$/d' f
sed '/^$/N;/\n$/D' f
sed -n '$p' f
sed '$!N;$!D' f
sed -e :a -e '$q;N;4,$D;ba' f
sed '1!G;h;$!d' f
sed '/\n/!G;s/\(.\)\(.*\n\)/&\2\1/;//D;s/.//' f
sed -n '2,4p' f
sed 's/\(^\|[^0-9.]\)\([0-9]\+\)\([0-9]\{3\}\)/\1\2,\3/g' <<'X'
1234567 and 12 and 1234
X
sed -e :a -e 's/\(.*[0-9]\)\([0-9]\{3\}\)/\1,\2/;ta' <<'X'
1234567
X
sed 'n;d' f
sed '$!N;s/\n/ /' f
sed -n '/four/{g;1!p;};h' f
sed -n '/four/{n;p;}' f
sed '/three/,/four/s/^/# /' f
sed 's/\b\(.\)/\u\1/g' f
sed 'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/' f
sed = f | sed 'N; s/^/     /; s/ *\(.\{6,\}\)\n/\1  /'
sed -n 'l' f
sed '0~3d' f
sed -n '/^$/{p;h;};/./{x;/./p;}' f | head -4
printf 'a,b,c\n' | sed 's/,/\n/g'
printf 'key = value\n' | sed -E 's/^([^=]+)=(.*)$/[\2]=[\1]/'
printf 'aaa\n' | sed 's/a/b/2g'
printf 'hello\n' | sed 's/./&-/3g'
printf 'path/to/file.txt\n' | sed 's|.*/||'
printf 'path/to/file.txt\n' | sed 's|/[^/]*$||'
printf 'file.tar.gz\n' | sed 's/\.[^.]*$//'
printf 'CamelCaseString\n' | sed 's/\([a-z]\)\([A-Z]\)/\1_\L\2/g'
printf 'x\n' | sed 's/x/a\
b/'
