case x in y) echo no;; esac; echo $?
false; case x in x) ;; esac; echo $?
case x in x) false;; esac; echo $?
false; case x in y) ;; esac; echo $?
