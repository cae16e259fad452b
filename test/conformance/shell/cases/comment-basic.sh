echo a # comment
echo b#notcomment
# full line
echo 'c # quoted' "d # dq"
echo e \# f
echo #
echo end
