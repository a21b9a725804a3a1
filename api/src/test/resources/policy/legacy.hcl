path "old/read/*"  { policy = "read" }
path "old/write/*" { policy = "write" }
path "old/sudo/*"  { policy = "sudo" }
path "old/write/closed" { policy = "deny" }
