# Same pattern as reader's secret/*, with deny: the merged rule denies.
path "secret/*" {
  capabilities = ["deny"]
}
