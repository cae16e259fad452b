# Output files that fail (a full device named as the output), and reading only what is asked of
# an endless device.
printf 'b\na\nc\n' > f; seq 100000 > big
for c in 'cp f /dev/full' 'dd if=f of=/dev/full status=noxfer' 'sort -o /dev/full f' 'shuf -o /dev/full f' \
  'tee /dev/full' 'find . -maxdepth 0 -fprint /dev/full' 'cp big /dev/full' 'dd if=big of=/dev/full bs=64k status=noxfer' \
  'sort -o /dev/full big' 'od -N4 /dev/full' 'od -N0 f'; do
  $c < f 2>&1; echo "[$c] $?"
done
head -c3 /dev/full | od -c; echo "head $?"
tee /dev/full < big > /dev/null; echo "tee big $?"
seq 100000 | tee /dev/full /dev/full | wc -l; echo "tee twice"
