echo before
case x in a) ;; b
