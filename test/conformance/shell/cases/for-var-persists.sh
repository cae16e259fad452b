for i in 1 2 3; do :; done
echo $i
for j in; do :; done
echo "[${j-unset}]" 
