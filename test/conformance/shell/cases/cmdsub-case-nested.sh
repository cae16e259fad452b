x=$(case a in (a) echo one;; esac; case b in b) echo two;; esac)
echo $x
y=$(echo "$(case c in c) echo "three";; esac)")
echo $y
