f() ( cd /; pwd )
f; pwd
