mkdir -p d/e/h
touch d/e/h/g
setfattr -n user.x -v 1 d
setfattr -n user.y -v 2 d/e/h/g
getfattr -R -d d
getfattr -R d
getfattr -R -d -m - d/e
getfattr -R -n user.y d
