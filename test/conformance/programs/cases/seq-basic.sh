seq 3
seq 2 4
seq 1 2 8
seq 5 1
seq -1 1
seq 1 -1 -2
seq 0.5 0.25 1.5
seq 1 0.1 1.3
seq -w 8 11
seq -w -1 1
seq -w 0.5 1 3
seq -w -.5 .5 1
seq -w 1. 3
seq -w 1 0.5 3
seq -s, 3
seq -s '' 3
seq -s ': ' 1 3
seq 1e2 1e2 3e2
seq 1 1.0 3
seq 1e-2 1e-2 3e-2
seq -w 1e1 1e1 1e2
seq 10000000000000000000 10000000000000000002
seq 9007199254740993 9007199254740995
seq -s, 9007199254740993 2 9007199254740997
seq 0x10 0x12
seq inf | head -n 2
seq 1 inf | head -n 1
seq 5 -1 inf
seq 2 0.5e0 3
seq -- -2 -1
seq .1 .1 .3
seq 1 -0
seq 1 0.000001 1.000003
seq 0 0.1 1
seq 100000 | tail -n 1
seq -s ' ' -5 -2 -10
