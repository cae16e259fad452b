{ echo a; echo b; }
{ x=1; }; echo $x
{ echo c
echo d; }
{ (echo e); }
