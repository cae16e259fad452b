printf '%f %e %g\n' 1e400 -1e400 0
printf '%.2f %.10f\n' 1.005 0.1
printf '%f\n' abc; echo $?
