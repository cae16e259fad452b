echo ~"/x" ~'' ~/"x y"
echo ${u:-~} "${u:-~}" 
