echo line1
echo line2
if true; then
echo x
