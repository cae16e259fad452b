for a in ls cat cp mv rm mkdir touch chmod head tail wc grep sed find xargs df du ps free uname id date stat tar gzip which env sleep hostname mount; do
  busybox $a --help 2>&1 | grep '^Usage:'
  busybox $a --help 2>&1 | grep "$(printf '^\t')" | grep -v 'exec CMD ARG +' | cut -f2 | tr '\n' ' '
  echo
done
