echo before
echo $(echo x
