x=$(echo $(echo "$(echo $( (echo deep; echo er) ))"))
echo "$x"
if true; then if true; then if false; then :; else for i in 1; do case $i in 1) while true; do echo inner; break; done;; esac; done; fi; fi; fi
