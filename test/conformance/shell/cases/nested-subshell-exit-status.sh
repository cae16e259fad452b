( ( exit 3 ); echo inner $? ; exit 4 ); echo outer $?
