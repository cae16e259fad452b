echo data > f
busybox cp f g; cat g
busybox cp -v f h 2>&1
busybox mv g m; ls
busybox ln -s f sl; busybox readlink sl
busybox mkdir -p a/b/c; busybox ls -R a
busybox rmdir a/b/c
busybox rm -r a; ls
busybox rm a; echo "rm $?"
mkdir e
busybox rm e; echo "rm dir $?"
busybox touch -d '2001-09-09 01:46:40' t; busybox ls -l t
busybox touch -t 200109090146.40 t2; busybox stat -c '%Y %n' t2
busybox chmod 600 f; busybox stat -c '%a %A' f
busybox chmod u+x,g+w f; busybox stat -c %a f
busybox chmod -v 644 f
busybox chown 0:0 f; busybox stat -c '%u:%g' f
busybox stat -c '%s %F' f e
busybox find . -name 'f*' | sort
busybox find . -type d | sort
busybox find . -maxdepth 1 -type f -newer f | sort
echo f e | busybox xargs ls -d
printf 'f\ne\n' | busybox xargs -n1 echo item
echo x > e/x; busybox du -a e/x
busybox truncate -s 10 f; busybox wc -c f
busybox realpath f
