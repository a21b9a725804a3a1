path "secret/*" {
  capabilities = ["read", "list"]
}
path "secret/shared" {
  capabilities = ["read"]
}
