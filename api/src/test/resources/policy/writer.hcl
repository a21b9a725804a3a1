# Same pattern as reader's secret/shared: capabilities are unioned.
path "secret/shared" {
  capabilities = ["update"]
}
# A different, more specific pattern than reader's secret/*: it alone decides secret/own.
path "secret/own" {
  capabilities = ["create"]
}
