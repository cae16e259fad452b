# A directory removed while it is the working directory: it lists nothing (not even . and ..),
# nothing can be made in it, and find and ls -d still see "." itself.
mkdir d && cd d && rmdir ../d
ls -a; echo "status $?"
ls -la; echo "status $?"
ls; echo "status $?"
find .; echo "status $?"
touch f; echo "status $?"
mkdir e; echo "status $?"
echo *
ls -d .; echo "status $?"
