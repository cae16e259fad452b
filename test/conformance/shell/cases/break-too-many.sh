for i in 1 2; do for j in 1 2; do break 5; done; echo never; done; echo after $i
for i in 1; do continue 3; done; echo ok
