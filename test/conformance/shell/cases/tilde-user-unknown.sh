echo ~nosuchuser ~nosuchuser/x
