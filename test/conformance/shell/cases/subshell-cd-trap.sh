(cd /tmp; trap 'pwd' EXIT); pwd
