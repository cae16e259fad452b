{ alias x='echo in-group'; x; }
x
