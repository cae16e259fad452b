echo "[$IFS]" "$PS1" "$PS2" "$PS4" "$OPTIND" "$HOME" "$PATH" "$LANG" "$PWD"
echo "${MAIL-unset}" "${ENV-unset}" "${LINENO-unset}" "${CDPATH-unset}" 
