# Debian's which (debianutils): first match in PATH, -a for all, names with a slash checked as
# they are, empty PATH entries as ".", status 1 if any name is missing, getopts' option errors.
mkdir -p a b c/x d
printf '#!/bin/sh\n' > a/t; chmod +x a/t
printf '#!/bin/sh\n' > b/t; chmod +x b/t
printf '#!/bin/sh\n' > c/t
mkdir d/t
printf '#!/bin/sh\n' > ./u; chmod +x ./u
W=$(command -v which); ln -s "$W" ./w
{ PATH=$PWD/c:$PWD/a:$PWD/b ./w t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/c:$PWD/a:$PWD/b ./w -a t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/d:$PWD/a ./w t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w t nope; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w nope; echo "status $?"; } | sed "s|$PWD|.|"
./w; echo "status $?"
{ ./w ./u ./c/t ./d/t /nonexistent/x; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a: ./w u; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=:$PWD/a ./w -a u t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a:: ./w u; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a/ ./w t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH= ./w u; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w -x t 2>&1; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w -ab t 2>&1; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w --help 2>&1; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w -aa -- t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w -- -a t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w - t; echo "status $?"; } | sed "s|$PWD|.|"
{ PATH=$PWD/a ./w ''; echo "status $?"; } | sed "s|$PWD|.|"
