trap 'echo trapped $?' USR1
f() { kill -USR1 $$; return 4; }
f; echo "f=$?" 
