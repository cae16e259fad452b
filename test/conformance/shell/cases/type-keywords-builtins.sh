type while do { } ! case esac
type . eval exec local times
