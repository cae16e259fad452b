printf '{"k\\"ey":"v\\u00e9\\u2603\\ud83d\\ude00","n":[1.000,1E2,1.5e3,-0,0.5,1e400,123456789012345678],"t":"a\\u0001b\\/c"}' > e.json
jq . e.json
jq -c . e.json
jq --indent 1 '.n' e.json
jq -r '.t, ."k\"ey"' e.json
jq -c '[..] | length' e.json
jq -c '[.. | numbers]' e.json
jq -n -c 'reduce (1,2,3,4) as $x (0; . + $x)'
jq -n -c '[1,[2,[3,[4]]]] | flatten, flatten(1)'
jq -n -c '[{"a":1},{"a":2},{"b":3}] | map(.a), (.[0] + .[2])'
jq -n -c '{"a":null} | .a // "x", (.a | length), has("a")'
jq -n -c '[3,[1],"b",null,true,false,{"a":1},"a",{}] | sort'
jq -n -c '[1,1.0,"1"] | unique'
jq -n -c '"x" as $v | {$v, w: $v}'
jq -n -c '[range(5)], [range(2;4)]'
jq -n -c '[1,2,3] | map(select(. > 1)) | min, max'
jq -n -c '{"a":[{"b":1},{"b":2}]} | [.a[].b]'
jq -n -c '"a-b-c" | split("-") | join(" ")'
jq -n -c '["a",1,null,true] | join("/")'
jq -n -c '"test" | ltrimstr("te"), rtrimstr("st"), startswith("t"), endswith("x")'
jq -n -c '{"a":1,"b":2} | map_values(. * 10), to_entries[0], (keys_unsorted)'
jq -n -c '[{"key":"a","v":1},{"name":"b","value":2},{"key":false,"name":"c"}] | from_entries'
jq -n -c '"[1,{\"a\":2}]" | fromjson, ([1,"x"] | tojson)'
jq -n -c '[1,2,3] | any, all, (map(. > 2) | any), ([] | all)'
jq -n -c '[{"g":1,"v":"a"},{"g":2,"v":"b"},{"g":1,"v":"c"}] | group_by(.g) | map(map(.v))'
jq -n -c '[5,3,8] | reverse, (sort | .[length - 1])'
jq -n -c '1 as $x | 2 as $y | [$x, $y, $x + $y]'
jq -n -c '[.[]?] , [null[]?]'
jq -n -c 'null | .a, .[0], .[1:2], length'
jq -n '"\u0000\u001f\u007f\u0080"'
jq -n -c '"abc" | @json, @text, (["a b", "c'"'"'d"] | @sh), ("<&>" | @html), ("a b/é" | @uri)'
jq -n -c '1, 2 | . * 3'
jq -n -c '[1,2] | .[1.7], .[-5]'
jq -n -c '-(1, 2), -.5?'
jq -n -c '[1,2,3] | .[1.5:2.5], .[0.5]'
