echo hi >
