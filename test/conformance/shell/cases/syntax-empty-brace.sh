echo before
{ }
