mkdir -p etc/httpd/conf etc/php-fpm.d
printf 'ServerRoot "/etc/httpd"\nListen 80\nInclude conf.modules.d/*.conf\n' > etc/httpd/conf/httpd.conf
printf '[www]\nlisten = /run/php-fpm/www.sock\nlisten.acl_users = apache,nginx\nlisten.allowed_clients = 127.0.0.1\n' > etc/php-fpm.d/www.conf
sed -i 's/Listen 80/Listen 8080/' etc/httpd/conf/httpd.conf
echo "status $?"
cat etc/httpd/conf/httpd.conf
sed -i 's/listen.acl_users = apache,nginx/listen.acl_users =/' etc/php-fpm.d/www.conf
cat etc/php-fpm.d/www.conf
printf 'one\ntwo\n' > a
printf 'three\nfour\n' > b
chmod 640 a
sed -i 's/o/0/' a b
cat a b
ls -l a | head -c 10; echo
sed -i.bak '1d' a
cat a a.bak
sed -i -e '$a end' a b
cat a b
sed -n -i '1p' b
cat b
sed -i 's/x/y/' nosuch a
echo "status $?"
cat a
mkdir dir
sed -i 's/x/y/' dir
echo "status $?"
sed -i 's/x/y/'
echo "status $?"
printf 'q1\nq2\nq3\n' > q
sed -i 2q q
cat q
printf 'w1\nw2\n' > w
sed -i 's/w/W/w /dev/stdout' w
cat w
printf 'x\n' > s1
printf 'y\n' > s2
sed -i '$s/$/ last/;1s/^/first /' s1 s2
cat s1 s2
sed -i -s = s1
cat s1
printf 'z\n' > 'sp ace'
sed -i 's/z/Z/' 'sp ace'
cat 'sp ace'
sed --in-place=.orig 's/Z/zz/' 'sp ace'
cat 'sp ace' 'sp ace.orig'
sed -i'bk_*' 's/zz/z/' 'sp ace'
cat 'bk_sp ace'
ls
