"""The rule pack outside rla: Sigma rules (analyzer.export.sigma, stdlib + PyYAML only), and through
pySigma's backends the query languages of the log platforms (analyzer.export.backends, extra `rla[export]`)."""
