path "kv/dir/"   { capabilities = ["list"] }
path "kv/tree/*" { capabilities = ["list"] }
path "kv/fo*"    { capabilities = ["list"] }
# A leading slash is stripped; a * that is not last is literal.
path "/kv/lead"  { capabilities = ["read"] }
path "kv/*/mid"  { capabilities = ["read"] }
