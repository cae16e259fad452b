printf 'one\ntwo\nthree\n' > f
sed '2a appended' f
sed '2a\
classic\
two lines' f
sed '2i inserted' f
sed '2i\   kept spaces' f
sed '2a   stripped spaces' f
sed '2c changed' f
sed '1,2c\
range changed' f
sed '$!c\
not last' f
sed '2{c in block
}' f
sed -n '2{p;a after
}' f
sed 'a foo\tbar' f | od -c | head -3
sed '1a first\
second' f
sed -e '1a\' -e 'cont' f
sed '1a\' f
sed 'y/otw/OTW/' f
sed -n '$=' f
sed = f
sed -n l f
printf 'a\tb\\c\001\n' | sed -n l
printf 'aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffffgggggggggghhhhhhhhhh\n' | sed -n l
printf 'aaaaaaaaaabbbbbbbbbbcc\n' | sed -n 'l 10'
printf 'aaaaaaaaaabbbbbbbbbbcc\n' | sed -n 'l 0'
printf 'aaaaaaaaaabbbbbbbbbbcc\n' | sed -l 8 -n 'l'
printf 'aaaaaaaaa\tbbb\n' | sed -n 'l 10'
printf 'a\nb\n' | sed -n 'N;l'
printf 'r1\nr2\n' > rf
sed '2r rf' f
sed 'r rf' f
sed '1r nosuch' f
sed '$r rf' f
sed '1R rf' f
sed 'R rf' f
sed -n '2w wout' f
cat wout
sed -n 'w /dev/stdout' f
sed 'h;d' f
sed -n 'H;${x;p}' f
sed -n 'H;${g;p}' f
sed '1h;2G' f
sed '1!G;h;$!d' f
sed -n '1h;2{x;p;x;p}' f
sed 'n;d' f
sed -n 'n;p' f
sed 'N;s/\n/-/' f
sed '$!N;s/\n/-/' f
sed 'N;P;D' f
printf 'a\nb\nc\nd\n' | sed '$!N;P;D'
printf 'a\n' | sed 'n;d'
printf 'a\n' | sed 'N;s/a/X/'
sed '2q' f
sed '2q5' f
echo "status $?"
sed '2Q' f
sed '2Q7' f
echo "status $?"
sed -n '2{p;q}' f
printf 'a\n' | sed 'a text
q'
sed ':a;N;$!ba;s/\n/,/g' f
sed -e ':a' -e 'N' -e '$!ba' -e 's/\n/ /g' f
sed 's/o/0/;t;s/$/ (no o)/' f
sed 's/o/0/;T;s/$/ (had o)/' f
sed -n 's/x/y/;t yes;p;d;:yes;s/^/yes: /p' f
sed -n '/two/{s/two/2/;t done;p;:done;p}' f
sed 'b end;s/o/0/;:end' f
sed '2z' f | od -c
sed -n 'F;=' f
printf 'x\n' | sed F
sed 1d f
sed '2!{s/^/> /}' f
sed -n '/one/{n;p}' f
sed '$!{N};P;D' f
sed 'x;1d;$G' f
sed '/two/{x;p;x}' f
sed -s 'F' f rf
sed '# comment
s/one/1/ # trailing comment
2d' f
sed -n '1{p};2{p}' f
sed '{;s/o/0/;}' f
sed 'v' f
sed 'v 4.2' f
