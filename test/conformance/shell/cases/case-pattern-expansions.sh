x=ab
case ab in $(echo a)*) echo cmdsub;; esac
case 5 in $((2+3))) echo arith;; esac
case ~ in '~') echo literal-tilde;; *) echo other;; esac
case /root in ~) echo tilde-expanded;; esac
