p='a*'
case abc in $p) echo unquoted-glob;; esac
case abc in "$p") echo no;; *) echo quoted-literal;; esac
case 'a*' in "$p") echo literal-match;; esac
q='[ab]'
case b in $q) echo bracket;; esac
