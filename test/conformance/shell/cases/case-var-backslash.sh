p='a\*'
case 'a*' in $p) echo escaped-star;; esac
case 'ab' in $p) echo wrong;; *) echo nomatch;; esac
q='\a'
case a in $q) echo escaped-a;; esac
