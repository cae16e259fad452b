echo one
eval 'echo two
nosuch'
nosuch2
