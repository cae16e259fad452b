echo '[{"a":1},5,{"a":3}]' | jq '.[] | .a'; echo status $?
echo '[{"a":1},5,{"a":3}]' | jq '.[].a'; echo status $?
echo '[{"a":1},5,{"a":3}]' | jq -c '[.[] | .a?], [.[].a?]'; echo status $?
jq -n -c '[(1, error("q"), 3)?]'
jq -n -c '1, error("x"), 3'; echo status $?
jq -n -c '(1, 2, error("y")) | . * 10'; echo status $?
jq -n -c 'try error("x") catch ., (try (1, error("y"), 3) catch "caught"), (try error({"a":1}) catch .a), (try 1 catch 2)'
jq -n -c '[(1,2) | try (if . == 2 then error("z") else . end)]'
jq -n -c '.a.b.c, (try ("s" | .x) catch "bad: \(.)")'
