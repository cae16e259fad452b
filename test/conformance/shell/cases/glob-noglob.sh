: > f1; : > f2
echo f*
set -f
echo f*
set +f
echo f?
