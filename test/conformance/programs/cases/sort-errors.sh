printf 'b\na\n' > f
sort nosuch
echo status $?
sort f nosuch
echo status $?
sort -k0 f
echo status $?
sort -k1.0 f
echo status $?
sort -k1,0 f
echo status $?
sort -k x f
echo status $?
sort -k1,x f
echo status $?
sort -k1.x f
echo status $?
sort -k1Q f
echo status $?
sort -t ab f
echo status $?
sort -t '' f
echo status $?
sort -t a -t b f
echo status $?
sort -o /nonexistent/x f
echo status $?
sort -n -g f
echo status $?
sort -fn -d f
echo status $?
sort -k1,1Mr -k1,1n f
echo status $?
sort -x
echo status $?
sort -S 1x f
echo status $?
sort -S x f
echo status $?
sort --sort=foo f
echo status $?
sort --check=foo f
echo status $?
sort .
echo status $?
sort -c f f
echo status $?
sort -c -o x f
echo status $?
sort -C -o x f
echo status $?
sort --parallel=0 f
echo status $?
sort -k 1,1.0 f
echo status $?
sort --parallel=x f
echo status $?
