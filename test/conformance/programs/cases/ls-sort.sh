mkdir dirb dira
touch file10 file9 file1 file1.tar.gz file1.tar file.c file.a noext Zed zed _x .dot
ls
ls -v
ls -X
ls -Xr
ls --sort=version
ls --sort=extension
ls --sort=width
ls --group-directories-first
ls --group-directories-first -r
ls -U file1 file10
ls --sort=none file1
ls -a -v
ls -vr
