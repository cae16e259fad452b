cat > users.json <<'J'
[
  {"id": 1, "name": "Ann", "email": "ann@example.com", "roles": ["admin", "dev"], "active": true, "score": 9.5},
  {"id": 2, "name": "bob", "email": null, "roles": [], "active": false, "score": 7},
  {"id": 3, "name": "Cy", "roles": ["dev"], "active": true, "score": 8.25, "meta": {"tz": "UTC", "n": [1, 2]}}
]
J
jq '.[] | select(.active) | .name' users.json
jq -r '.[] | "\(.id)\t\(.name)\t\(.email // "none")"' users.json
jq -c 'map({id, name})' users.json
jq -c 'map(select(.roles | length > 0)) | map(.name)' users.json
jq -c '[.[] | .roles[]] | unique' users.json
jq -c 'map(.score) | add / length' users.json
jq -c 'sort_by(.name) | map(.name)' users.json
jq -c 'sort_by(.name | ascii_downcase) | map(.name)' users.json
jq -c 'map(has("email"))' users.json
jq -c '.[0] | keys' users.json
jq -c '.[2].meta' users.json
jq -S '.[2]' users.json
jq -c '[.[] | {(.name): .id}] | add' users.json
jq -c 'map(select(.name | test("^[A-Z]")?)) | length' users.json 2>&1 | head -3
jq -r '.[] | [.id, .name, .active] | @csv' users.json
jq -r '.[] | [.id, .name] | @tsv' users.json
jq -r '.[].name | ascii_upcase' users.json
jq -c 'length, (.[0] | length), (.[0].name | length)' users.json
jq -c '.[] | .email // empty' users.json
jq -c 'map(.roles | join(","))' users.json
jq -c '.[1].roles[0], .[1].missing[0]?' users.json
jq -c 'first, last | .id' users.json
jq -c '[.[] | .score | tostring]' users.json
jq -c '.[2].meta | to_entries | map("\(.key)=\(.value)")' users.json
jq -c 'map(.id) | .[1:] , .[:-1], .[-1:]' users.json
jq '.[0].roles' users.json
jq -c '{count: length, names: [.[].name]}' users.json
jq -c '.[] | if .score >= 9 then "high" elif .score >= 8 then "mid" else "low" end' users.json
jq -c 'map(.active and (.score > 8))' users.json
jq -c '[.[] | select(.id == 2 or .id == 3) | .id]' users.json
jq -c '.[] | select(.active | not) | .name' users.json
jq -c '[.[].meta.tz]' users.json
jq -c '"\(.[0].roles)"' users.json
jq -c '.[0] | with_entries(select(.key == "id" or .key == "name"))' users.json 2>&1
jq -c 'map(.score * 2), map(.id % 2)' users.json
jq -c '. as $all | $all | length' users.json
jq -c '.[] | {name, tz: .meta.tz}' users.json
jq -c '"a" * 0, ("ab" | .[1:]), ([1,2,3] | contains([2])), ({"a":1} * {"a":{"b":2}})' users.json
jq -c '.[] | .name | test("^[a-z]"), test("B"; "i")' users.json
jq -c '.[0].email | sub("@.*"; ""), gsub("e"; "E")' users.json
