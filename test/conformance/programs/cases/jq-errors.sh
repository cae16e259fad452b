echo 5 | jq .foo; echo status $?
echo 5 | jq '.[0]'; echo status $?
echo 5 | jq '.[]'; echo status $?
echo 5 | jq 'keys'; echo status $?
echo 5 | jq '. + "a"'; echo status $?
echo 5 | jq '. / 0'; echo status $?
echo '{}' | jq 'has(1)'; echo status $?
echo '[]' | jq '.a'; echo status $?
echo '"abc"' | jq '.[0]'; echo status $?
echo 5 | jq 'sort'; echo status $?
echo 5 | jq 'error("boom")'; echo status $?
echo '[1,2] 3 [4]' | jq -c '.[0]'; echo status $?
printf '{"a":1}\n[1]\n' > f.json
jq .a f.json; echo status $?
jq . nosuch.json; echo status $?
jq -n 'foo'; echo status $?
jq -n '$nope'; echo status $?
jq '.a |' f.json; echo status $?
jq --foo .; echo status $?
printf '[1,2' | jq .; echo status $?
printf 'nul' | jq .; echo status $?
printf '{"a":1}\n{"a":\n2,}' | jq .a; echo status $?
printf '[1,]' | jq .; echo status $?
printf '1 [\n' | jq .; echo status $?
echo '1 2' | jq 'if . == 1 then error("x") else . end'; echo status $?
echo '1 2' | jq -e 'if . == 1 then error("x") else null end'; echo status $?
printf '' | jq .; echo status $?
jq -n '{"a":1} | .[]?, "ok"'; echo status $?
jq -n '[1] | .["a"]'; echo status $?
jq -n '"a" - 1'; echo status $?
jq -n '{} | keys | first'; echo status $?
printf '{"a":1}' > a.json; printf '[1,2]\n[3]\n' > b.json
jq -c '.[0]' a.json b.json; echo status $?
jq -c -s . a.json b.json
jq -s 'length' nosuch a.json; echo status $?
jq -n 'bar' 2>&1 >/dev/null | head -1
jq -n '.a.b = 1 | .a.c' ; echo status $?
