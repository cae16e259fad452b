umask; umask -S
umask 077; umask; umask -S
umask u=rwx,g=rx,o=; umask
umask a+w; umask
umask 8; echo $?
umask foo; echo $?
