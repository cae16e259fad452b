for s in abc 12x nul '[1,' ' 5 ' '1 2' ''; do jq -n -c --arg s "$s" '$s | tonumber'; jq -n -c --arg s "$s" '$s | fromjson'; done
printf 'abc' | jq .; echo status $?
printf '12x 3' | jq .; echo status $?
printf '{"a" 1}' | jq .; echo status $?
printf '[1 2]' | jq .; echo status $?
printf '"abc' | jq .; echo status $?
printf '{1:2}' | jq .; echo status $?
jq -n -c '{a: .b | length}, {"x": (1, 2)}'
jq -n -c '{"children":[{"children":[]}]} | [recurse(.children[]) | length]'
jq -n -c '"x" | not_null' ; echo status $?
echo '{"foo-bar":1}' | jq '.foo-bar'; echo status $?
echo '{"foo-bar":1}' | jq '."foo-bar", .["foo-bar"]'
jq -n '.a | $nope'; echo status $?
jq -n '[1,2] | map(lenght)'; echo status $?
