for n in a bb ccc dddd eeeee ffffff ggggggg hhhhhhhhh iiiiiiiiiiii j k l m n opqrstuvwxyz0123; do touch -d @1500000000 $n; done
ls -C
ls -C -w 40
ls -x -w 40
ls -m -w 40
ls -m
ls -C -w 0
ls -x -w 0
ls -C -T 0 -w 40
ls -C -T 4 -w 40
ls -C -w 1
ls -x -w 2
COLUMNS=30 ls -C
COLUMNS=30 ls -C -w 50
TABSIZE=0 ls -C -w 40
ls -C -s -w 40
ls -x -s -w 50
ls -m -s
ls --format=across -w 30
ls --format=vertical -w 30
ls --format=commas -w 30
ls --format=single-column a bb
ls --format=long -d a
ls -Cw30
ls -C -1
ls -1 -C -w 30
