# Rule 1: the first wildcard or glob occurring earlier is lower priority (prefer foo/a* over foo/+).
path "one/a*" { capabilities = ["read"] }
path "one/+"  { capabilities = ["update"] }

# Rule 1 again: prefer foo/bar/+/baz over foo/+/bar/baz.
path "two/bar/+/baz" { capabilities = ["read"] }
path "two/+/bar/baz" { capabilities = ["update"] }

# Rule 2: ending in * is lower priority (prefer foo/+/bar over foo/+/ba*, foo/+ over foo/*).
path "three/+/bar" { capabilities = ["read"] }
path "three/+/ba*" { capabilities = ["update"] }
path "four/+"      { capabilities = ["read"] }
path "four/*"      { capabilities = ["update"] }

# Rule 3: more + segments is lower priority (prefer foo/+/x/y over foo/+/x/+).
path "five/+/x/y" { capabilities = ["read"] }
path "five/+/x/+" { capabilities = ["update"] }

# Rule 3, the documented example: "doc/*" beats "doc/+/+/foo/*".
path "doc/*"         { capabilities = ["read"] }
path "doc/+/+/foo/*" { capabilities = ["update"] }

# Rule 4: shorter is lower priority (prefer foo/+/bar/ba* over foo/+/bar/b*).
path "six/+/bar/ba*" { capabilities = ["read"] }
path "six/+/bar/b*"  { capabilities = ["update"] }

# A leading + segment.
path "+/leaf" { capabilities = ["list"] }
