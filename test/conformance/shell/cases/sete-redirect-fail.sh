set -e
echo x > nodir/f
echo never
