trap 'echo x' INT
t=$(trap)
echo "[$t]" 
