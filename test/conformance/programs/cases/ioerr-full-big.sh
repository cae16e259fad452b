# Outputs too large to sit in a buffer: many tools meet the failure mid-run and word it their own way.
seq 100000 > big; mkdir bd; i=0; while [ $i -lt 300 ]; do : > bd/file-with-a-longish-name-$i; i=$((i+1)); done
for c in 'seq 100000' 'yes' 'cat big' 'tac big' 'sort big' 'head -n 50000 big' 'tail -n 50000 big' 'cut -c1-3 big' \
  'fold -w3 big' 'nl big' 'od big' 'base64 big' 'uniq big' 'paste big' 'expand big' 'unexpand big' 'comm big big' \
  'join big big' 'shuf big' 'ls -1 bd' 'find bd' 'tr 1 2' 'tee' 'xargs echo'; do
  $c < big 2>&1 > /dev/full; echo "[$c] $?"
done
seq 100000 | cat 2>&1 > /dev/full; echo "pipe $?"
