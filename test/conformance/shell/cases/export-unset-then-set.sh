export X
echo "[${X-unset}]"
X=now
sh -c 'echo "[$X]"'
unset X
sh -c 'echo "[${X-gone}]"' 
