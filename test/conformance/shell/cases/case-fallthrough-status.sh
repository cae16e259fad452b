case a in a) (exit 3);; esac; echo $?
case a in b) ;; *) false;; esac; echo $?
