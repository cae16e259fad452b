cat > d.json <<'J'
{"name": "cow", "age": 3, "tags": ["a", "b"], "nested": {"x": 1, "y": [1, 2, {"z": null}]}, "e": [], "o": {}, "my key": true}
J
jq . d.json
jq .name d.json
jq .nested.y d.json
jq '."my key"' d.json
jq '.tags[0], .tags[-1], .tags[5]' d.json
jq -c '.nested.y[1:], .nested.y[:1], .nested.y[-2:]' d.json
jq '.tags[]' d.json
jq -c '.nested[]' d.json
jq '.missing' d.json
jq '.missing.deeper' d.json
jq -c '[.tags[] | . + "!"]' d.json
jq -c '{name, a: .age, "k": 1, (.name): 2}' d.json
jq -c '[.age, .name] | length' d.json
jq -c 'keys' d.json
jq -c '.nested | has("x"), has("q")' d.json
jq -c '.[] | type' d.json
jq -c '.nested | to_entries' d.json
jq -c '.nested | to_entries | from_entries' d.json
echo '[3,1,2,1]' | jq -c 'sort, unique, add, first, last, length, (map(. * 10))'
echo '[{"n":"b","v":2},{"n":"a","v":1},{"n":"c","v":1}]' | jq -c 'sort_by(.v), map(select(.v == 1) | .n), (map(.n) | join("-"))'
echo '"a,b,c"' | jq -c 'split(","), ascii_upcase, length'
echo '"MiXeD"' | jq 'ascii_downcase'
echo '{"a":1} {"a":2} [3]' | jq -c '.'
echo '1 2 3' | jq -c '. * 2'
echo '"abcdef"' | jq -c '.[2:4], .[-2:]'
echo '[1,[2,[3]]]' | jq -c '.[1][1][0]'
echo '{"a":{"b":{"c":"deep"}}}' | jq -r '.a.b.c'
