path "sys/audit*" {
  capabilities = ["read", "sudo"]
}
path "sys/mounts" {
  capabilities = ["read"]
}
path "sys/seal" {
  capabilities = ["update", "sudo"]
}
path "auth/token/accessors/" {
  capabilities = ["list", "sudo"]
}
