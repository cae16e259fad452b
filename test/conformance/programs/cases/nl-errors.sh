printf 'a\n' > f
nl -b x f; echo status $?
nl -n x f; echo status $?
nl -w 0 f; echo status $?
nl -w 99999999999 f; echo status $?
nl -w x f; echo status $?
nl -i x f; echo status $?
nl -v x f; echo status $?
nl -l x f; echo status $?
nl -l 0 f; echo status $?
nl -b 'p\(' f; echo status $?
nl nosuch f; echo status $?
nl -x; echo status $?
