outer() { inner() { echo inner-def; }; echo outer; }
inner 2>/dev/null; echo $?
outer; inner
