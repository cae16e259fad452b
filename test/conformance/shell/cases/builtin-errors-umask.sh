umask 99
umask -z
