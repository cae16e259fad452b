jq -n -c '{"a":[1,2]} | .a[] += 1, (.a |= map(. * 2)), (.b = .a), del(.a[0]), (.a[0] = (7,8)), (.x.y = 1), (.a[] |= . + 1)'
jq -n -c '[1,2,3] | del(.[0,2]), del(.[] | select(. == 2)), (.[1] = "x"), (.[-1] -= 1)'
jq -n -c '{"a":1} | (.a //= 3), (.b //= 3), ((.a, .b) = 9), (.a *= 5)'
jq -n -c 'null | .[2] = 1'
jq -n -c '{"a":{"b":1,"c":2}} | del(.a.b), del(.a), (.a.b |= tostring), (.a |= with_entries(.value += 1))'
jq -n -c '[{"n":"a","ok":true},{"n":"b","ok":false}] | map(select(.ok) |= . + {"seen": true}), (.[] | select(.ok) | .n) , del(.[] | select(.ok | not))'
jq -n -c '[limit(2; 1, 2, 3)], first(range(10; 20)), last(1, 2)'
jq -n 'error({"a":1})'; echo status $?
jq -n 'error(null)'; echo status $?
jq -n '5 | .a = 1'; echo status $?
jq -n -c '{"a":2} | .a as $x | {b: $x} | .b += $x'
