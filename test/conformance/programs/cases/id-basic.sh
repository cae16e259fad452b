id
id -u
id -un
id -g
id -gn
id -G
id -Gn
id -ur
id -gr
id -Gr
id -unr
id root
id -u root
id -Gn root
id 0
id -uz | od -c
id -Gz | od -c
id -a
whoami
groups
groups root
id -r; echo status $?
id -n; echo status $?
id -z; echo status $?
id -u -g; echo status $?
id nosuchuser; echo status $?
id -u nosuchuser root; echo status $?
groups nosuchuser; echo status $?
groups 0; echo status $?
whoami x; echo status $?
id -x; echo status $?
