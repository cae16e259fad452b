unset u; e=; s=set
echo "${u-d1}" "${u:-d2}" "${e-d3}" "${e:-d4}" "${s-d5}" "${s:-d6}"
echo "${u+a1}" "${u:+a2}" "${e+a3}" "${e:+a4}" "${s+a5}" "${s:+a6}"
