# A KV v1-style path: does not grant `vault kv get secret/foo` on a v2 mount.
path "secret/foo" {
  capabilities = ["create", "read", "update"]
}

path "secret/data/app/*" {
  capabilities = ["create", "read", "update", "patch", "delete"]
}

path "secret/metadata/app/*" {
  capabilities = ["list", "read", "delete"]
}

# Listing the mount root: an exact rule without the trailing slash still grants LIST secret/metadata/.
path "secret/metadata" {
  capabilities = ["list"]
}

path "secret/delete/app/*"   { capabilities = ["update"] }
path "secret/undelete/app/*" { capabilities = ["update"] }
path "secret/destroy/app/*"  { capabilities = ["update"] }
path "secret/subkeys/app/*"  { capabilities = ["read"] }
