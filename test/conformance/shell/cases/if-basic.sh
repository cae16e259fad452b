if true; then echo a; fi
if false; then echo b; else echo c; fi
if false; then echo d; elif true; then echo e; else echo f; fi
if false; then :; elif false; then :; else echo g; fi
if false; then echo h; fi; echo $?
