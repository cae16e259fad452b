echo "${u:-"${v:-"deep  x"}"}" ${u:-"${v:-deep  y}"}
