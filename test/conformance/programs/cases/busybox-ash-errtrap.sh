busybox sh -c 'trap "echo err \$?" ERR; false; true; ! false; false || true; if false; then :; fi; while false; do :; done; false && true; echo end'
busybox sh -c 'trap "echo e" ERR; (false); x=$(false); { false; }; for i in 1; do false; done; true | false; false | true; nope; echo end'
busybox sh -c 'trap "echo e" ERR; f() { false; echo inside; }; f; g() { return 3; }; g; echo "g $?"; set -E; f; echo done'
busybox sh -c 'trap "false" ERR; false; echo nested; trap "echo e" ERR INT; trap; trap - INT ERR; trap; false; echo reset'
busybox sh -c 'trap "echo e; exit 5" ERR; false; echo no'; echo "exit $?"
busybox sh -c 'trap "echo e" ERR; set -e; false; echo no'; echo "errexit $?"
busybox sh -c 'trap "echo e" err'; echo "lower case $?"
