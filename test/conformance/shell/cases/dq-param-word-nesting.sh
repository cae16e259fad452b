y=Y
echo "${x:-"$y"}" "${x:-'$y'}" ${x:-'$y'} ${x:-"a  b"}x "${x:-$y$y}"
z='a b'
echo "${x#"$z"}" ${z#"a "} ${z#'a '}
