echo start
while true; do echo x
