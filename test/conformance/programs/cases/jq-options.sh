echo '{"b":{"z":1,"a":[1,2]},"a":"s"}' > o.json
jq -c . o.json
jq -S . o.json
jq -S -c . o.json
jq --tab . o.json
jq --indent 4 . o.json
jq --indent 0 . o.json
jq -r .a o.json
jq -rc '.a, .b' o.json
jq -j '.a, .a' o.json; echo
jq -n '42'
jq -n --arg who cow '"hello \($who)"'
jq -n --argjson v '{"k":[1,2]}' '$v.k[1]'
jq -n -c --arg a 1 --arg b 2 '[$a, $b]'
printf '1\n2\n3\n' | jq -s -c '., add'
printf '1 2' | jq -c -s .
printf 'line one\nline two\n' | jq -R .
printf 'line one\nline two\n' | jq -R -s .
jq . o.json o.json -c
jq -e '.a' o.json >/dev/null; echo status $?
jq -e '.missing' o.json >/dev/null; echo status $?
jq -e 'false' o.json >/dev/null; echo status $?
jq -e 'empty' o.json >/dev/null; echo status $?
jq --version
echo status $?
jq -n '[]' ; jq -n '{}'; jq -n '[[], {}, [{}]]'
jq -n -r '$ENV.HOME, env.LANG, ($ENV | has("PATH"))'
echo '{"a":1}' | jq -c '.a' - 
jq -n -r '[1,2] | "\(.)"'
jq -n '"x" | @json "v=\(.)"'
jq -n -c --arg x 1 '{$x, y: ($x | tonumber)}'
echo '{"a":[1,2]}' | jq -c --tab .
jq -c -n '$ENV | type'
echo '[1]' | jq --tab -c .
echo '[1]' | jq -c --indent 3 .
echo '[1]' | jq --indent 3 -c .
echo '[1]' | jq --indent 1 --tab .
echo '[1]' | jq --tab --indent 1 .
echo '{"a":1}' > dash.json
jq -c .a -- dash.json
jq -n 'range(100000)' | head -2
