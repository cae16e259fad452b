set --
echo "${1-none}" "${1:-none}" "${@:-empty}" "${*-star}"
set -- ""
echo "${1-none}" "${1:-none}" "${@:-empty}" "${*:-star}" 
