"""Records -> matches: rule loading and the regex dialect, failure classes, the prefilter, scan, parallel scan, rule tests."""
