trap 'echo got $sig' USR1 USR2
sig=1; kill -USR1 $$
sig=2; kill -USR2 $$
echo done
