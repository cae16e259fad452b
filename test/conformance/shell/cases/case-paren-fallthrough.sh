case b in (a) echo A;; (b) echo B;; (*) echo star;; esac
case c in a) echo 1;; c) echo 2
esac
case d in d) echo last
esac
