while read l; do echo "$l"; done <<A <<B
from a
A
from b
B
