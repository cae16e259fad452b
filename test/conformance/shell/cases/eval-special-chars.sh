eval 'echo "$#" "$@"' ; set -- 1 2; eval 'echo "$#" "$@"'
