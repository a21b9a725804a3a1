storage "raft" {
  path    = "/vault/data"
  node_id = "vault1"

  retry_join {
    leader_api_addr = "https://vault2.example.com:8200"
  }

  retry_join {
    leader_api_addr = "https://vault3.example.com:8200"
  }
}

listener "tcp" {
  address       = "0.0.0.0:8200"
  tls_cert_file = "/certs/vault1.pem"
  tls_key_file  = "/certs/key.pem"
}

api_addr     = "https://vault1.example.com:8200"
cluster_addr = "https://vault1.example.com:8201"
disable_mlock = true
ui = true
