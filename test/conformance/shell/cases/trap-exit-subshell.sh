(trap "echo sub" EXIT; echo body); echo parent
trap "echo T" EXIT; (echo sub2); echo $(echo cs)
