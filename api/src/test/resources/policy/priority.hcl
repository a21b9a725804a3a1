# Exact beats glob; between globs the longest prefix wins.
path "secret/foo"  { capabilities = ["read"] }
path "secret/foo*" { capabilities = ["update"] }
path "secret/*"    { capabilities = ["delete"] }
