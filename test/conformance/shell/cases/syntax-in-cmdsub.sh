echo before
echo $(if)
