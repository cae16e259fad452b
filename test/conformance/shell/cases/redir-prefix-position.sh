>f echo first
read x <f; echo $x
2>&1 echo second >&2
<f read y; echo $y
