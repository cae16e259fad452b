f() {
  OPTIND=1
  while getopts "n:v" opt "$@"; do
    case $opt in n) echo "name=$OPTARG";; v) echo verbose;; ?) echo bad;; esac
  done
  shift $((OPTIND - 1))
  echo "rest=$*"
}
f -v -n bob file1 file2
f -x -- -n
