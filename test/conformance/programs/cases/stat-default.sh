mkdir dir
printf 'hello\n' > file
touch 'sp ace'
ln -s file link
mknod chr c 4 64
touch -h -d @1500000000.5 file link chr dir 'sp ace'
show() {
  stat "$@" | while IFS= read -r line; do
    case $line in
      Device:*) rest=${line#*Inode: }; printf 'Device: [ino] %s\n' "${rest#"${rest%%Links*}"}" ;;
      Change:*|' Birth:'*) ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
}
show file
show link
show -L link
show chr
show 'sp ace'
stat -t file | { read n s b f u g D i h t T X Y Z W o; echo "$n $s $b $f $u $g $h $t $T $X $Y $o"; }
stat -t chr | { read n s b f u g D i h t T X Y Z W o; echo "$n $s $b $f $u $g $h $t $T $X $Y $o"; }
