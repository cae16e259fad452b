echo "$PWD"
PWD=/fake; pwd; echo $PWD
cd .; echo $PWD
