case a in a) while read l; do echo "$l"; done <<E
in case
E
;; esac
