x='*'
case abc in "$x") echo no;; $x) echo yes;; esac
