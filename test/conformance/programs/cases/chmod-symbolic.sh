: > f; mkdir d
chmod -v u+ f
chmod -v 755 f
chmod -c 755 f
chmod -c 644 f
chmod -v a=r,u+w f
chmod -v g=u f
chmod -v +t d
chmod -v u+s f
chmod -v g+s d
chmod -v 755 d
chmod -v 00755 d
chmod -v a-x,+X f
chmod -v +X d f
chmod -v 7777 f
chmod -v u+rwx,g-w,o= f
chmod -v u=g f
chmod -v ug=o f
chmod -v ugo+rwxXst f
chmod -v 0 f
chmod -v o=u f
chmod -v +s,-X f
chmod -v go-w,a+r f
