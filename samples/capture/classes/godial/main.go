// Session 12 (lead): Go's own error for an address without its port, on a host that is not Redis (a database's
// name): the control line of redis-url-malformed's 'missing port in address' (h47's class fix).
package main

import (
	"fmt"
	"net"
)

func main() {
	_, err := net.Dial("tcp", "db.internal")
	fmt.Println(err)
}
