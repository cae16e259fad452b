printf 'abc' > f
busybox sha1sum f
busybox sha512sum f
busybox sha1sum f > s
busybox sha512sum f > s5
busybox sha1sum -c s
busybox sha512sum -c s5
echo x > f
busybox sha1sum -c s
echo "status $?"
busybox sha1sum -c -s s
echo "status $?"
busybox sha512sum missing
echo "status $?"
busybox md5sum f missing
echo "status $?"
busybox sha256sum f > s2
printf 'nohash\n' >> s2
busybox sha256sum -c -w s2
echo "status $?"
