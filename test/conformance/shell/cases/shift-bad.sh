set -- a
shift x
echo never
